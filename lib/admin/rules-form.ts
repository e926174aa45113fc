import { z } from "zod";
import type { RuleSet } from "@/lib/rules/engine";
import { parseMoney } from "@/lib/money";
import { isMerchantCategory } from "./merchant-categories";

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** The platform rules form: strings from the browser, coerced here into the engine's RuleSet. */
export const platformRulesSchema = z
  .object({
    blockedCategories: z.preprocess(list, z.array(z.string().max(100)).max(400)),
    allowedCountries: z.string().max(2000).optional().default(""),
    maxAmount: z.string().max(30).optional().default(""),
    velocityPerHour: z.string().max(10).optional().default(""),
    killSwitch: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .transform((v, ctx): RuleSet => {
    const unknown = v.blockedCategories.filter((c) => !isMerchantCategory(c));
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        path: ["blockedCategories"],
        message: `Unknown merchant categories: ${unknown.join(", ")}`,
      });
    const countries = v.allowedCountries
      .split(/[\s,]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const badCountry = countries.find((c) => !/^[A-Z]{2}$/.test(c));
    if (badCountry)
      ctx.addIssue({
        code: "custom",
        path: ["allowedCountries"],
        message: `“${badCountry}” is not a two-letter country code`,
      });
    let maxAmount: number | null = null;
    if (v.maxAmount.trim()) {
      const parsed = parseMoney(v.maxAmount, "usd");
      if (parsed.ok) maxAmount = parsed.amount;
      else ctx.addIssue({ code: "custom", path: ["maxAmount"], message: parsed.message });
    }
    let velocityPerHour: number | null = null;
    if (v.velocityPerHour.trim()) {
      // Digits only: Number() would also read "1e3" and "0x10".
      const n = /^\d+$/.test(v.velocityPerHour.trim()) ? Number(v.velocityPerHour.trim()) : NaN;
      if (Number.isInteger(n) && n >= 1 && n <= 10_000) velocityPerHour = n;
      else
        ctx.addIssue({
          code: "custom",
          path: ["velocityPerHour"],
          message: "Enter a whole number from 1 to 10000, or leave empty for no limit",
        });
    }
    return {
      blockedCategories: [...new Set(v.blockedCategories)].sort(),
      allowedCountries: countries.length ? [...new Set(countries)].sort() : null,
      maxAmount,
      currency: "usd",
      velocityPerHour,
      killSwitch: v.killSwitch,
    };
  });
