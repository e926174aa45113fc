/**
 * What must never reach a browser: Stripe secret and restricted keys, webhook signing secrets,
 * this run's own secret values (AUTH_SECRET, the three receivers' signing secrets, DATABASE_URL, …), and full
 * bank account or card numbers. Used by the browser tests to scan the built client bundles and
 * every response the browser receives.
 */

/** Key shapes, wherever they appear (a word boundary before, so `network_…` is not `rk_…`). */
export const SECRET_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: "Stripe secret key", pattern: /\bsk_(?:test|live)_[A-Za-z0-9_]{6,}/ },
  { name: "Stripe restricted key", pattern: /\brk_(?:test|live)_[A-Za-z0-9_]{6,}/ },
  { name: "webhook signing secret", pattern: /\bwhsec_[A-Za-z0-9]{6,}/ },
  // An issuing card's CVC as Stripe returns it (`"cvc":"123"`), escaped or not (RSC payloads).
  { name: "card CVC", pattern: /\\?"cvc\\?"\s*:\s*\\?"\d{3,4}\\?"/ },
];

export type Finding = { name: string; excerpt: string };

function excerpt(text: string, index: number, length: number): string {
  // Never print the secret itself in a test failure: show its surroundings and a masked middle.
  const before = text.slice(Math.max(0, index - 40), index);
  const after = text.slice(index + length, index + length + 40);
  return `${before}[${length} chars hidden]${after}`.replace(/\s+/g, " ");
}

/**
 * Everything in `text` that must not be there. `values` are exact strings (a secret's value, a full
 * account or card number) with a name for the report; values shorter than 8 characters are
 * refused, since searching for them would find noise and prove nothing.
 */
export function findLeaks(text: string, values: ReadonlyArray<{ name: string; value: string }> = []): Finding[] {
  const found: Finding[] = [];
  for (const { name, pattern } of SECRET_PATTERNS) {
    const m = pattern.exec(text);
    if (m) found.push({ name, excerpt: excerpt(text, m.index, m[0].length) });
  }
  for (const { name, value } of values) {
    if (value.length < 8) throw new Error(`${name}: a value of ${value.length} characters is too short to search for`);
    const i = text.indexOf(value);
    if (i >= 0) found.push({ name, excerpt: excerpt(text, i, value.length) });
  }
  return found;
}

/** Reads KEY=value lines, as `.env.local` holds them (a later line for the same key wins). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith("#")) continue;
    let value = m[2] ?? "";
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    out[m[1] as string] = value;
  }
  return out;
}
