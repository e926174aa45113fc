/**
 * Money is an integer of minor units plus a lowercase ISO currency, everywhere.
 * User input such as "12.5" is parsed as a decimal string, never through a float.
 */
export type Money = { amount: number; currency: string };

const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);

export function minorUnitDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toLowerCase()) ? 0 : 2;
}

export type ParseMoneyResult = { ok: true; amount: number } | { ok: false; message: string };

/** Parses "1,234.5" or "12" into minor units for `currency`; rejects anything ambiguous. */
export function parseMoney(input: string, currency: string, opts: { allowZero?: boolean } = {}): ParseMoneyResult {
  const digits = minorUnitDigits(currency);
  const text = input.trim().replace(/,/g, "");
  if (text === "") return { ok: false, message: "Enter an amount" };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, message: "Enter an amount like 12.50" };
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? "This currency has no decimal places" : `Use at most ${digits} decimal places`,
    };
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt((fraction + "0".repeat(digits)).slice(0, digits) || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: "That amount is too large" };
  const amount = Number(minor);
  if (amount === 0 && !opts.allowZero) return { ok: false, message: "Enter an amount greater than zero" };
  return { ok: true, amount };
}

/**
 * Minor units as the plain decimal parseMoney reads back (123450, "usd" → "1234.50"; negative
 * amounts keep their sign): for form fields and CSV, with no float in between.
 */
export function formatDecimal(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const abs = String(Math.abs(amount)).padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  return `${amount < 0 ? "-" : ""}${digits ? `${whole}.${abs.slice(-digits)}` : whole}`;
}

/** Formats minor units for display, e.g. formatMoney(123456, "usd") → "$1,234.56". */
export function formatMoney(amount: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  const code = currency.toUpperCase();
  const value = amount / 10 ** digits;
  if (code === "USDC") {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)} USDC`;
  }
  return new Intl.NumberFormat(locale, { style: "currency", currency: code, minimumFractionDigits: digits }).format(
    value,
  );
}
