import { z } from "zod";
import { cardCurrencyFor } from "@/lib/funding-model";
import { parseMoney } from "@/lib/money";
import type { RuleSet } from "./engine";
import { isMerchantCategory } from "./merchant-categories";

/** Form limits, the same for the platform's rules and a business's. */
export const RULES_FORM_LIMITS = { categories: 400, countries: 250, velocityPerHour: 10_000 } as const;

// A multi-value field arrives as absent, one string or several; empty strings are no choice.
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""));

/** The rules form's fields as the browser sends them, before they become a RuleSet. */
export const rulesFormFields = z.object({
  blockedCategories: many.pipe(
    z
      .array(z.string().max(100))
      .max(RULES_FORM_LIMITS.categories, { error: `Choose at most ${RULES_FORM_LIMITS.categories} categories` }),
  ),
  allowedCountries: z.string().max(2000).optional().default(""),
  maxAmount: z.string().max(30).optional().default(""),
  velocityPerHour: z.string().max(10).optional().default(""),
  // A checkbox sends "on" or nothing; anything else is not a value this form sends.
  killSwitch: z.enum(["on", ""]).optional(),
});

/**
 * The rules form (the platform's and a business's): strings from the browser, coerced here into the
 * engine's RuleSet with money in minor units of `currency`, which the rule set keeps. Every bad field
 * is reported at once, next to its field. A business's rules are in its cards' currency
 * (cardCurrencyFor); the platform's are in USD.
 */
export const rulesFormSchemaFor = (currency: string) =>
  rulesFormFields.transform((v, ctx): RuleSet => {
    const unknown = v.blockedCategories.filter((c) => !isMerchantCategory(c));
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        path: ["blockedCategories"],
        message: `Unknown merchant categories: ${unknown.join(", ")}`,
      });

    const countries = [
      ...new Set(
        v.allowedCountries
          .split(/[\s,]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      ),
    ].sort();
    const badCountry = countries.find((c) => !/^[A-Z]{2}$/.test(c));
    if (badCountry)
      ctx.addIssue({
        code: "custom",
        path: ["allowedCountries"],
        message: `“${badCountry}” is not a two-letter country code, like US or MX`,
      });
    else if (countries.length > RULES_FORM_LIMITS.countries)
      ctx.addIssue({
        code: "custom",
        path: ["allowedCountries"],
        message: `List at most ${RULES_FORM_LIMITS.countries} countries`,
      });

    let maxAmount: number | null = null;
    if (v.maxAmount.trim()) {
      const parsed = parseMoney(v.maxAmount, currency);
      if (parsed.ok) maxAmount = parsed.amount;
      else ctx.addIssue({ code: "custom", path: ["maxAmount"], message: parsed.message });
    }

    let velocityPerHour: number | null = null;
    const velocity = v.velocityPerHour.trim();
    if (velocity) {
      // Digits only: Number() would also read "1e3" and "0x10".
      const n = /^\d+$/.test(velocity) ? Number(velocity) : NaN;
      if (n >= 1 && n <= RULES_FORM_LIMITS.velocityPerHour) velocityPerHour = n;
      else
        ctx.addIssue({
          code: "custom",
          path: ["velocityPerHour"],
          message: `Enter a whole number from 1 to ${RULES_FORM_LIMITS.velocityPerHour}, or leave empty for no limit`,
        });
    }

    return {
      blockedCategories: [...new Set(v.blockedCategories)].sort(),
      allowedCountries: countries.length ? countries : null,
      maxAmount,
      currency,
      velocityPerHour,
      killSwitch: v.killSwitch === "on",
    };
  });

/** A business's rules form: in its cards' currency, so its maximum applies to its purchases (GBP in the UK). */
export const businessRulesFormSchema = (business: { country: string }) =>
  rulesFormSchemaFor(cardCurrencyFor(business.country));

/** The platform's rules form: its rules are in USD. */
export const rulesFormSchema = rulesFormSchemaFor("usd");
