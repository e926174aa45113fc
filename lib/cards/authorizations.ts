import type { DbOrTx } from "@/db/connect";
import { declinesForAuthorizations } from "@/db/queries/authorization-decisions";
import { cardAuthorizationRows, type AuthorizationRow } from "@/db/queries/authorizations";
import { explainDecline, type DeclineExplanation, type DeclineFacts } from "./declines";

export type CardAuthorization = {
  id: string;
  at: Date;
  merchant: string | null;
  category: string | null;
  country: string | null;
  amount: number;
  currency: string;
  status: string;
  approved: boolean;
  /** Why: our rule engine's reason when it decided, else Stripe's. */
  reason: string | null;
  decidedBy: string | null;
  /** A declined purchase's reason and what to do next, in words. */
  explanation: DeclineExplanation | null;
};

type AuthRow = Awaited<ReturnType<typeof cardAuthorizationRows>>[number];

/** Stripe's reason on the authorization's last request (the read model's `decline_reason` before history was kept). */
function lastReason(a: AuthRow["a"]): string | null {
  const last = a.requestHistory.at(-1);
  return typeof last?.reason === "string" ? last.reason : a.declineReason;
}

/** Why one authorization was declined, from everything the read model and the decision log know. */
export function declineOf({ a, d }: AuthRow, fraudWarning?: DeclineFacts["fraudWarning"]): DeclineExplanation | null {
  if (a.approved) return null;
  return explainDecline({
    reason: lastReason(a),
    verification: a.verificationData as DeclineFacts["verification"],
    fraudWarning,
    decision: d && !d.approved ? { decidedBy: d.decidedBy, rule: d.rule, reason: d.reason } : null,
  });
}

/** For a list of the account's authorizations: each declined one's explanation, by authorization id. */
export async function explainDeclines(
  db: DbOrTx,
  accountId: string,
  rows: AuthorizationRow[],
): Promise<Map<string, DeclineExplanation>> {
  const declined = rows.filter((a) => !a.approved);
  const decisions = await declinesForAuthorizations(db, { accountId, authorizationIds: declined.map((a) => a.id) });
  const out = new Map<string, DeclineExplanation>();
  for (const a of declined) {
    const d = decisions.find((x) => x.authorizationId === a.id) ?? null;
    const e = declineOf({ a, d });
    if (e) out.set(a.id, e);
  }
  return out;
}

/** A card's authorizations, newest first, with the reason each was approved or declined; paged by `before`. */
export async function cardAuthorizations(
  db: DbOrTx,
  accountId: string,
  cardId: string,
  opts: { limit?: number; before?: Date; fraudWarning?: DeclineFacts["fraudWarning"] } = {},
): Promise<CardAuthorization[]> {
  const limit = Math.min(opts.limit ?? 25, 100);
  const rows = await cardAuthorizationRows(db, { accountId, cardId, limit, before: opts.before });
  return rows.map(({ a, d }) => ({
    explanation: declineOf({ a, d }, opts.fraudWarning),
    id: a.id,
    at: a.objectCreatedAt,
    merchant: a.merchantName,
    category: a.merchantCategory,
    country: a.merchantCountry,
    amount: a.amount || a.merchantAmount,
    currency: a.currency,
    status: a.status,
    approved: a.approved,
    reason: d && !d.approved ? d.reason : a.approved ? null : humanDecline(a.declineReason),
    decidedBy: d ? d.decidedBy : a.approved ? null : "stripe",
  }));
}

const STRIPE_REASONS: Record<string, string> = {
  spending_controls: "A spending limit or control on the card or cardholder",
  insufficient_funds: "Not enough available balance",
  card_inactive: "The card is frozen or not yet activated",
  card_canceled: "The card is canceled",
  cardholder_inactive: "The cardholder is inactive",
  cardholder_verification_required: "The cardholder needs verification",
  webhook_declined: "Declined by your authorization rules",
  webhook_timeout: "The decision took too long",
  webhook_error: "The decision endpoint failed",
  account_disabled: "The account is disabled",
  suspected_fraud: "Suspected fraud",
  verification_failed: "Verification failed",
};

export function humanDecline(reason: string | null): string | null {
  if (!reason) return null;
  return STRIPE_REASONS[reason] ?? reason.replace(/_/g, " ");
}
