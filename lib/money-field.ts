import { z } from "zod";
import { formatMoney, parseMoney } from "./money";

/**
 * A form's amount: the decimal string the user typed ("1,234.5"), parsed into integer minor units
 * of `currency` with parseMoney's messages, never through a float. `max` is a per-request ceiling,
 * refused with the amount formatted as money.
 */
export function moneyField(currency: string, opts: { max?: number; per?: string } = {}) {
  return z
    .string({ error: "Enter an amount" })
    .max(30, { error: "Enter an amount like 12.50" })
    .transform((text, ctx) => {
      const parsed = parseMoney(text, currency);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      if (opts.max !== undefined && parsed.amount > opts.max) {
        ctx.addIssue({
          code: "custom",
          message: `At most ${formatMoney(opts.max, currency)}${opts.per ? ` per ${opts.per}` : ""}`,
        });
        return z.NEVER;
      }
      return parsed.amount;
    });
}
