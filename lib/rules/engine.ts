/**
 * The authorization decision engine: a pure function of the request, the rules and the card's
 * recent approvals, so it is fast, testable, and does no I/O of its own.
 */
import { formatMoney } from "@/lib/money";

export type RuleSet = {
  blockedCategories: readonly string[];
  allowedCountries: readonly string[] | null;
  maxAmount: number | null;
  currency: string;
  velocityPerHour: number | null;
  killSwitch: boolean;
};

export type RuleKind = "kill_switch" | "blocked_category" | "country_not_allowed" | "max_amount" | "velocity";

export type AuthorizationRequest = {
  amount: number;
  currency: string;
  merchantCategory: string | null;
  merchantCountry: string | null;
};

export type Decision =
  | { approved: true; decidedBy: "default"; rule: null; reason: string }
  | { approved: false; decidedBy: "platform" | "business"; rule: RuleKind; reason: string };

export const EMPTY_RULES: RuleSet = {
  blockedCategories: [],
  allowedCountries: null,
  maxAmount: null,
  currency: "usd",
  velocityPerHour: null,
  killSwitch: false,
};

function firstViolation(
  rules: RuleSet,
  req: AuthorizationRequest,
  approvalsLastHour: number,
): { rule: RuleKind; reason: string } | null {
  if (rules.killSwitch) return { rule: "kill_switch", reason: "Card spending is paused" };
  if (req.merchantCategory && rules.blockedCategories.includes(req.merchantCategory)) {
    return { rule: "blocked_category", reason: `Merchant category ${req.merchantCategory} is blocked` };
  }
  if (rules.allowedCountries) {
    const country = req.merchantCountry?.toUpperCase() ?? null;
    if (!country || !rules.allowedCountries.includes(country)) {
      return { rule: "country_not_allowed", reason: `Merchant country ${country ?? "unknown"} is not allowed` };
    }
  }
  // The maximum is in the rule's currency (a business's rules are in its cards' currency); a purchase in
  // another currency can't be compared without a rate, so only then is the maximum skipped.
  if (
    rules.maxAmount !== null &&
    req.currency.toLowerCase() === rules.currency.toLowerCase() &&
    req.amount > rules.maxAmount
  ) {
    return {
      rule: "max_amount",
      reason: `Amount is above the ${formatMoney(rules.maxAmount, rules.currency)} maximum per authorization`,
    };
  }
  if (rules.velocityPerHour !== null && approvalsLastHour >= rules.velocityPerHour) {
    return { rule: "velocity", reason: `Card reached ${rules.velocityPerHour} approvals in the last hour` };
  }
  return null;
}

/** Platform rules first, then the business's: the first violated rule declines. */
export function decide(
  req: AuthorizationRequest,
  platform: RuleSet,
  business: RuleSet | null,
  approvalsLastHour: number,
): Decision {
  const p = firstViolation(platform, req, approvalsLastHour);
  if (p) return { approved: false, decidedBy: "platform", ...p };
  const b = business ? firstViolation(business, req, approvalsLastHour) : null;
  if (b) return { approved: false, decidedBy: "business", ...b };
  return { approved: true, decidedBy: "default", rule: null, reason: "No rule declined" };
}

/** The largest velocity window any rule uses, so the caller counts approvals only when needed. */
export function needsVelocity(platform: RuleSet, business: RuleSet | null): boolean {
  return platform.velocityPerHour !== null || (business?.velocityPerHour ?? null) !== null;
}

/**
 * The ways a business's rule set claims more than the platform allows (a higher maximum, more
 * countries, a higher velocity). The engine applies the platform's rules anyway; editors refuse
 * such values so a business never believes it has a looser rule than it does. Leaving a kind
 * unset is fine: the platform's rule still applies.
 */
export function looserThan(business: RuleSet, platform: RuleSet): string[] {
  const problems: string[] = [];
  if (platform.allowedCountries && business.allowedCountries) {
    const extra = business.allowedCountries.filter((c) => !platform.allowedCountries!.includes(c));
    if (extra.length) problems.push(`allowedCountries: the platform does not allow ${extra.join(", ")}`);
  }
  // Maximums in different currencies (a UK business's GBP against the platform's USD) can't be compared
  // without a rate; each applies only to purchases in its own currency.
  if (
    platform.maxAmount !== null &&
    business.maxAmount !== null &&
    platform.currency.toLowerCase() === business.currency.toLowerCase() &&
    business.maxAmount > platform.maxAmount
  ) {
    problems.push(`maxAmount: the platform's maximum is ${formatMoney(platform.maxAmount, platform.currency)}`);
  }
  if (
    platform.velocityPerHour !== null &&
    business.velocityPerHour !== null &&
    business.velocityPerHour > platform.velocityPerHour
  ) {
    problems.push(`velocityPerHour: the platform's limit is ${platform.velocityPerHour}`);
  }
  return problems;
}
