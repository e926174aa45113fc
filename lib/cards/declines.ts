import type Stripe from "stripe";

/**
 * Why a purchase was declined, and what to do about it, in words a card's owner understands. The
 * sources, most specific first: our own rule's answer (from the decision log, its limit already in
 * money), then the card checks that failed (`verification_data`), a fraud warning on the card, then
 * Stripe's reason on the last request (`request_history[].reason`).
 */
export type DeclineExplanation = { why: string; next: string };

type Reason = Stripe.Issuing.Authorization.RequestHistory.Reason;
type Verification = Partial<Stripe.Issuing.Authorization.VerificationData>;
type FraudWarning = Partial<Stripe.Issuing.Card.LatestFraudWarning>;

/** Every reason the SDK's type names. */
const STRIPE_REASONS: Record<Exclude<Reason, "webhook_approved" | "card_active">, DeclineExplanation> = {
  account_disabled: {
    why: "The business's Stripe account is disabled, so its cards can't be used",
    next: "Check the account's requirements on Home, or contact the platform",
  },
  card_canceled: { why: "The card is canceled", next: "Order or create a new card for the cardholder" },
  card_expired: { why: "The card has expired", next: "Replace the card with a new one" },
  card_inactive: {
    why: "The card is not active (frozen, or not activated yet)",
    next: "Activate or unfreeze the card, then try the purchase again",
  },
  cardholder_blocked: {
    why: "The cardholder is blocked",
    next: "Contact the platform to review the cardholder",
  },
  cardholder_inactive: {
    why: "The cardholder is inactive",
    next: "Reactivate the cardholder, then try again",
  },
  cardholder_verification_required: {
    why: "The cardholder must be verified before their cards can be used",
    next: "Complete the cardholder's missing details (name, date of birth, terms acceptance)",
  },
  insecure_authorization_method: {
    why: "The merchant used a payment method that isn't secure enough (such as a magnetic stripe swipe)",
    next: "Pay by chip, contactless or online instead",
  },
  insufficient_funds: {
    why: "Not enough available balance for this purchase",
    next: "Add money to the account, then try again",
  },
  network_fallback: {
    why: "The card network decided on Stripe's behalf during an outage, using the card's fallback settings",
    next: "Try again in a few minutes",
  },
  not_allowed: {
    why: "This kind of transaction isn't allowed on the card",
    next: "Use another payment method for this merchant",
  },
  pin_blocked: {
    why: "The PIN was entered wrong too many times, so PIN purchases are blocked",
    next: "Reset the PIN, or pay contactless or online",
  },
  spending_controls: {
    why: "A spending limit or control on the card or cardholder declined it",
    next: "Check the card's limits below; raise a limit or wait for its window to reset",
  },
  stripe_internal_error: {
    why: "Stripe had a problem deciding on this purchase",
    next: "Try the purchase again",
  },
  suspected_fraud: {
    why: "Stripe's fraud checks flagged this purchase",
    next: "If the cardholder made it, try again; if not, cancel and replace the card",
  },
  verification_failed: {
    why: "The card details given didn't match (CVC, expiry date or address)",
    next: "Check the card details typed at the merchant and try again",
  },
  webhook_declined: {
    why: "Declined by the authorization rules",
    next: "Review your authorization rules on the Cards page",
  },
  webhook_error: {
    why: "Our real-time decision failed, and the card's fallback declined it",
    next: "Try again in a moment",
  },
  webhook_timeout: {
    why: "Our real-time decision took too long, and the card's fallback declined it",
    next: "Try again in a moment",
  },
};

const CHECKS: Array<[keyof Verification, string]> = [
  ["cvc_check", "the CVC"],
  ["expiry_check", "the expiry date"],
  ["address_line1_check", "the street address"],
  ["address_postal_code_check", "the postal code"],
];

const FRAUD: Record<string, string> = {
  card_testing_exposure: "the card number may have been exposed to card testing",
  fraud_dispute_filed: "a fraud dispute was filed on this card",
  third_party_reported: "a third party reported the card as compromised",
  user_indicated_fraud: "the cardholder reported fraud on this card",
};

const RULE_NEXT: Record<string, string> = {
  kill_switch: "Card spending is paused for everyone on these rules; unpause it on the Cards page",
  blocked_category: "Unblock the category in your authorization rules if this purchase is expected",
  country_not_allowed: "Allow the merchant's country in your authorization rules if this purchase is expected",
  max_amount: "Split the purchase, or raise the maximum in your authorization rules",
  velocity: "Wait an hour, or raise the hourly limit in your authorization rules",
};

const WHOSE: Record<string, string> = {
  platform: "The platform's rule",
  business: "Your business's rule",
  default: "The default decision",
  fallback: "The fallback decision",
};

export type DeclineFacts = {
  /** Stripe's reason on the last request. */
  reason: string | null;
  verification?: Verification | null;
  fraudWarning?: FraudWarning | null;
  /** Our decision engine's answer, when it declined. */
  decision?: { decidedBy: string; rule: string | null; reason: string } | null;
};

function failedChecks(v: Verification | null | undefined): string[] {
  if (!v) return [];
  return CHECKS.filter(([key]) => v[key] === "mismatch").map(([, words]) => words);
}

export function explainDecline(facts: DeclineFacts): DeclineExplanation | null {
  const { reason, decision } = facts;
  if (decision && decision.decidedBy !== "default") {
    const whose = WHOSE[decision.decidedBy] ?? "A rule";
    const platform = decision.decidedBy === "platform";
    return {
      why: `${whose} declined it: ${decision.reason}`,
      next: platform
        ? "The platform sets this rule; contact the platform if this purchase should go through"
        : (RULE_NEXT[decision.rule ?? ""] ?? "Review your authorization rules on the Cards page"),
    };
  }
  const mismatched = failedChecks(facts.verification);
  if (mismatched.length)
    return {
      why: `The card details given didn't match: ${mismatched.join(" and ")}`,
      next: "Check the card details typed at the merchant and try again",
    };
  const secure = facts.verification?.three_d_secure?.result;
  if (secure === "failed" || secure === "required")
    return {
      why:
        secure === "failed"
          ? "The 3D Secure check (the cardholder's confirmation) failed"
          : "The merchant required 3D Secure, and it wasn't completed",
      next: "Try again and complete the confirmation step at checkout",
    };
  if (facts.fraudWarning?.type && (reason === "suspected_fraud" || reason === "card_inactive" || !reason))
    return {
      why: `The card has a fraud warning: ${FRAUD[facts.fraudWarning.type] ?? facts.fraudWarning.type.replace(/_/g, " ")}`,
      next: "Cancel this card and replace it with a new one",
    };
  if (!reason) return null;
  const known = STRIPE_REASONS[reason as keyof typeof STRIPE_REASONS];
  return known ?? { why: `Declined (${reason.replace(/_/g, " ")})`, next: "Try again, or contact the platform" };
}

/** The fraud warning a card carries, in words (for its banner). */
export function fraudWarningText(w: FraudWarning | null | undefined): string | null {
  if (!w?.type) return null;
  return `Stripe flagged this card: ${FRAUD[w.type] ?? w.type.replace(/_/g, " ")}.`;
}
