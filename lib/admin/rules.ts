import type { ActionSpec } from "@/lib/actions/execute";
import type { PlatformActor } from "@/lib/actions/safe-action";
import { recentDecisions } from "@/db/queries/admin-decisions";
import { businessRulesFor } from "@/db/queries/authorization-rules";
import { ok, type ActionResult } from "@/lib/errors";
import type { RuleSet } from "@/lib/rules/engine";
import { loadRules, savePlatformRules, toRuleSet } from "@/lib/rules/rules-store";
import type { AdminDeps } from "./deps";
import { rulesFormSchema } from "@/lib/rules/rules-form";
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

export const previewRulesSpec = (deps: AdminDeps): ActionSpec<typeof rulesFormSchema, RulesPreview, PlatformActor> => ({
  permission: "platform.rules.manage",
  schema: rulesFormSchema,
  run: (_actor, rules) => previewPlatformRules(deps, rules),
});

export const saveRulesSpec = (
  deps: AdminDeps,
): ActionSpec<typeof rulesFormSchema, { rules: RuleSet; previous: RuleSet }, PlatformActor> => ({
  permission: "platform.rules.manage",
  schema: rulesFormSchema,
  run: async (actor, rules) => {
    const { platform: previous } = await loadRules(deps.db, null);
    await savePlatformRules(deps.db, rules, actor.userId, deps.rules);
    return ok({ rules, previous });
  },
  audit: (_input, data) => ({
    action: "admin.rules.saved",
    target: "platform",
    data: { before: data.previous, after: data.rules },
  }),
});
