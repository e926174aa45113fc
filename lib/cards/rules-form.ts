import { z } from "zod";
import { isMerchantCategory } from "@/lib/admin/merchant-categories";
import { parseMoney } from "@/lib/money";

const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""));

/** The business rules form: strings from the browser, parsed into a rule set (money as minor units). */
export const businessRulesSchema = z
  .object({
    blockedCategories: many.pipe(
      z.array(z.string().refine(isMerchantCategory, { error: "Choose categories from the list" })).max(400),
    ),
    allowedCountries: z
      .string()
      .max(2000)
      .optional()
      .transform((s) =>
        (s ?? "")
          .split(/[\s,]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, { error: "Use two-letter country codes, like US, MX" })).max(250)),
    maxAmount: z.string().max(30).optional(),
    velocityPerHour: z
      .string()
      .max(10)
      .optional()
      .transform((s) => (s ?? "").trim())
      .pipe(z.string().regex(/^\d*$/, { error: "Enter a whole number" })),
    killSwitch: z.enum(["on"]).optional(),
  })
  .transform((v, ctx) => {
    let maxAmount: number | null = null;
    if (v.maxAmount && v.maxAmount.trim() !== "") {
      const parsed = parseMoney(v.maxAmount, "usd");
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: ["maxAmount"], message: parsed.message });
        return z.NEVER;
      }
      maxAmount = parsed.amount;
    }
    const velocity = v.velocityPerHour === "" ? null : Number(v.velocityPerHour);
    if (velocity !== null && (velocity < 1 || velocity > 10_000)) {
      ctx.addIssue({ code: "custom", path: ["velocityPerHour"], message: "Enter a number from 1 to 10000" });
      return z.NEVER;
    }
    return {
      blockedCategories: Array.from(new Set(v.blockedCategories)),
      allowedCountries: v.allowedCountries.length ? Array.from(new Set(v.allowedCountries)) : null,
      maxAmount,
      currency: "usd",
      velocityPerHour: velocity,
      killSwitch: v.killSwitch === "on",
    };
  });
