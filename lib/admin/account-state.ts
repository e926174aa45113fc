/** Where a connected account stands, from its read-model row (no Stripe call). */
export type AccountState = "not_started" | "needs_details" | "verifying" | "active" | "restricted" | "closed";

export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = {
  not_started: "Not started",
  needs_details: "Needs details",
  verifying: "Verifying",
  active: "Active",
  restricted: "Restricted",
  closed: "Closed",
};

export type AccountFacts = {
  hasAccount: boolean;
  capabilities: Record<string, string>;
  requirementsDue: string[];
  requirementsPastDue: string[];
  disabledReason: string | null;
};

export function accountState(a: AccountFacts): AccountState {
  if (!a.hasAccount) return "not_started";
  if (a.disabledReason === "closed" || a.disabledReason?.startsWith("rejected")) return "closed";
  if (a.requirementsPastDue.length > 0 || (a.disabledReason && a.requirementsDue.length === 0)) return "restricted";
  if (a.requirementsDue.length > 0) return "needs_details";
  const statuses = Object.values(a.capabilities);
  // Some capabilities (say, card payments of a v2 merchant) may never matter: one active is enough to operate.
  if (statuses.some((s) => s === "active")) return "active";
  return "verifying";
}
