import { decide, type RuleKind, type RuleSet } from "@/lib/rules/engine";
import type { PastDecision } from "@/db/queries/authorization-decisions";

export type RulesPreview = {
  total: number;
  approvedBefore: number;
  approvedAfter: number;
  newlyDeclined: number;
  newlyApproved: number;
  /** Why the decisions that change would now be declined, per rule. */
  newlyDeclinedBy: Partial<Record<RuleKind, number>>;
};

const HOUR_MS = 60 * 60 * 1000;

/**
 * Replays past decisions under proposed platform rules (with each business's current rules), in
 * time order, counting each card's approvals in the rolling hour as the replay approves them, so
 * a velocity limit is simulated too. Pure: the caller loads the decisions and rules.
 */
export function previewRules(
  past: readonly PastDecision[],
  platform: RuleSet,
  businessRules: ReadonlyMap<string, RuleSet>,
): RulesPreview {
  const ordered = [...past].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const approvalsByCard = new Map<string, number[]>();
  const out: RulesPreview = {
    total: ordered.length,
    approvedBefore: 0,
    approvedAfter: 0,
    newlyDeclined: 0,
    newlyApproved: 0,
    newlyDeclinedBy: {},
  };
  for (const d of ordered) {
    const t = d.createdAt.getTime();
    const recent = (approvalsByCard.get(d.cardId) ?? []).filter((x) => x > t - HOUR_MS);
    const decision = decide(
      {
        amount: d.amount,
        currency: d.currency,
        merchantCategory: d.merchantCategory,
        merchantCountry: d.merchantCountry,
      },
      platform,
      d.businessId ? (businessRules.get(d.businessId) ?? null) : null,
      recent.length,
    );
    if (decision.approved) recent.push(t);
    approvalsByCard.set(d.cardId, recent);
    if (d.approved) out.approvedBefore++;
    if (decision.approved) out.approvedAfter++;
    if (d.approved && !decision.approved) {
      out.newlyDeclined++;
      out.newlyDeclinedBy[decision.rule] = (out.newlyDeclinedBy[decision.rule] ?? 0) + 1;
    }
    if (!d.approved && decision.approved) out.newlyApproved++;
  }
  return out;
}
