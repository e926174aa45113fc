import { formatDecimal } from "@/lib/money";
import type { RuleSet } from "./engine";
// No zod here: client components (the rules editors) import this module.

/** What the rules form shows: a RuleSet as the strings its fields hold (the inverse of rulesFormSchema). */
export type RulesFormValues = {
  blockedCategories: string[];
  allowedCountries: string;
  maxAmount: string;
  velocityPerHour: string;
  killSwitch: boolean;
};

export function rulesFormValues(rules: RuleSet | null | undefined): RulesFormValues {
  return {
    blockedCategories: rules ? [...rules.blockedCategories] : [],
    allowedCountries: rules?.allowedCountries?.join(", ") ?? "",
    maxAmount: rules?.maxAmount != null ? formatDecimal(rules.maxAmount, rules.currency) : "",
    velocityPerHour: rules?.velocityPerHour != null ? String(rules.velocityPerHour) : "",
    killSwitch: rules?.killSwitch ?? false,
  };
}
