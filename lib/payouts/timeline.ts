/**
 * A payout's status timeline from its OutboundTransfer (status, status_transitions,
 * status_details). Pure, so the page and the tests read it the same way.
 */
export type TimelineStep = {
  status: "processing" | "posted" | "failed" | "returned" | "canceled";
  at: string | null;
  reason?: string;
};

export const REASONS: Record<string, string> = {
  payout_method_declined: "The destination declined the payout",
  payout_method_does_not_exist: "The destination doesn't exist",
  payout_method_expired: "The destination has expired",
  payout_method_unsupported: "The destination can't receive this payout",
  payout_method_usage_frequency_limit_exceeded: "Too many payouts to this destination; try later",
  payout_method_canceled_by_customer: "The recipient canceled it",
  payout_method_closed: "The destination account is closed",
  payout_method_currency_unsupported: "The destination doesn't accept this currency",
  payout_method_holder_address_incorrect: "The holder's address is incorrect",
  payout_method_holder_details_incorrect: "The holder's details are incorrect",
  payout_method_holder_name_incorrect: "The holder's name is incorrect",
  payout_method_invalid_account_number: "The account number is invalid",
  payout_method_restricted: "The destination is restricted",
  recalled: "The payout was recalled",
  unknown_failure: "The network reported an unknown failure",
};

export function reasonText(code: string | undefined | null): string | undefined {
  return code ? (REASONS[code] ?? code.replace(/_/g, " ")) : undefined;
}

type Obt = {
  status?: unknown;
  created?: unknown;
  status_transitions?: Record<string, unknown> | null;
  status_details?: Record<string, { reason?: string } | undefined> | null;
};

export function payoutTimeline(obt: Obt): TimelineStep[] {
  const t = obt.status_transitions ?? {};
  const at = (k: string) => (typeof t[k] === "string" ? (t[k] as string) : null);
  const steps: TimelineStep[] = [{ status: "processing", at: typeof obt.created === "string" ? obt.created : null }];
  const status = String(obt.status ?? "processing");
  if (status === "posted" || status === "returned" || at("posted_at"))
    steps.push({ status: "posted", at: at("posted_at") });
  if (status === "failed")
    steps.push({ status: "failed", at: at("failed_at"), reason: reasonText(obt.status_details?.failed?.reason) });
  if (status === "canceled") steps.push({ status: "canceled", at: at("canceled_at") });
  if (status === "returned")
    steps.push({ status: "returned", at: at("returned_at"), reason: reasonText(obt.status_details?.returned?.reason) });
  return steps;
}

const RANK: Record<string, number> = { processing: 0, posted: 1, failed: 2, canceled: 2, returned: 3 };

/** Statuses only move forward; of two snapshots of one transfer, keep the later one. */
export function laterSnapshot<T extends { status?: unknown }>(a: T | null | undefined, b: T): T {
  if (!a) return b;
  return (RANK[String(b.status)] ?? 0) >= (RANK[String(a.status)] ?? 0) ? b : a;
}
