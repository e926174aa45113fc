"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { businessAction } from "@/lib/actions/safe-action";
import { rulesFormSchema } from "@/lib/rules/rules-form";
import { fail, ok } from "@/lib/errors";
import { saveBusinessRules } from "@/lib/rules/rules-store";

const FIELD_OF: Record<string, string> = {
  allowedCountries: "allowedCountries",
  maxAmount: "maxAmount",
  velocityPerHour: "velocityPerHour",
};

/** The business's own authorization rules; never looser than the platform's (refused if so). */
export const saveRulesAction = businessAction({
  permission: "rules.manage",
  schema: rulesFormSchema,
  run: async (actor, rules) => {
    const saved = await saveBusinessRules(getDb(), actor.businessId, rules, actor.userId);
    if (!saved.ok) {
      const fields: Record<string, string> = {};
      for (const problem of saved.problems) {
        const [key, message] = problem.split(": ");
        fields[FIELD_OF[key ?? ""] ?? "_form"] = `Not allowed: ${message}`;
      }
      return fail("validation_failed", fields);
    }
    revalidatePath("/cards");
    return ok({ saved: true });
  },
  audit: (rules) => ({ action: "rules.updated", data: rules }),
});
