import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { saveBusinessRules } from "@/lib/rules/rules-store";
import { rulesFormSchema } from "@/lib/rules/rules-form";

const FIELD_OF: Record<string, string> = {
  allowedCountries: "allowedCountries",
  maxAmount: "maxAmount",
  velocityPerHour: "velocityPerHour",
};

export const cardActions = {
  /** The business's own authorization rules; never looser than the platform's (refused if so). */
  saveRules: businessSpec({
    permission: "rules.manage",
    schema: rulesFormSchema,
    run: async ({ actor, input: rules }) => {
      const saved = await saveBusinessRules(getDb(), actor.businessId, rules, actor.userId);
      if (!saved.ok) {
        const fields: Record<string, string> = {};
        for (const problem of saved.problems) {
          const [key, message] = problem.split(": ");
          fields[FIELD_OF[key ?? ""] ?? "_form"] = `Not allowed: ${message}`;
        }
        return fail("validation_failed", fields);
      }
      return ok({ saved: true });
    },
    audit: (rules) => ({ action: "rules.updated", data: rules }),
    revalidate: () => ["/cards"],
  }),
};
