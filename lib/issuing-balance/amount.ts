import { formatMoney, parseMoney } from "@/lib/money";

/** The most one top-up or payout moves (a form's ceiling, in minor units). */
export const MAX_MOVE = 10_000_000;

/**
 * A form's amount in the business's own currency: the schema cannot know the currency (it comes
 * from the session's business), so the decimal string is parsed here, with parseMoney's messages.
 */
export function amountIn(
  text: string,
  currency: string,
): { ok: true; amount: number } | { ok: false; message: string } {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) return parsed;
  if (parsed.amount > MAX_MOVE) return { ok: false, message: `At most ${formatMoney(MAX_MOVE, currency)} at a time` };
  return { ok: true, amount: parsed.amount };
}
