import { recentDecisions } from "@/db/queries/authorization-decisions";
import { businessRulesFor } from "@/db/queries/authorization-rules";
import { ok, type ActionResult } from "@/lib/errors";
import type { RuleSet } from "@/lib/rules/engine";
import { loadRules, savePlatformRules, toRuleSet } from "@/lib/rules/rules-store";
import type { AdminDeps } from "./deps";
import type { PlatformActor } from "@/lib/actions/execute";
import { previewRules, type RulesPreview } from "./rules-preview";

export const PREVIEW_SIZE = 1000;

/** How the last 1,000 decisions would have gone under the proposed rules (changes nothing). */
export async function previewPlatformRules(deps: AdminDeps, rules: RuleSet): Promise<ActionResult<RulesPreview>> {
  const past = await recentDecisions(deps.db, PREVIEW_SIZE);
  const businessIds = [...new Set(past.map((d) => d.businessId).filter((id): id is string => !!id))];
  const rows = await businessRulesFor(deps.db, businessIds);
  const businessRules = new Map([...rows].map(([id, row]) => [id, toRuleSet(row)]));
  return ok(previewRules(past, rules, businessRules));
}

/** Saves the platform-wide rules, returning the ones they replace (for the audit log). */
export async function savePlatformRuleSet(
  deps: AdminDeps,
  actor: PlatformActor,
  rules: RuleSet,
): Promise<ActionResult<{ saved: true; rules: RuleSet; previous: RuleSet }>> {
  const { platform: previous } = await loadRules(deps.db, null);
  await savePlatformRules(deps.db, rules, actor.userId, deps.rules);
  return ok({ saved: true as const, rules, previous });
}
