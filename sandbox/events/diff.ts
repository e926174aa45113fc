function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stripe's `previous_attributes`: the old values of what changed, nested only as deep as
 * the change (e.g. `{capabilities: {card_issuing: "inactive"}}`). Null when nothing changed.
 */
export function previousAttributes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (same(a, b)) continue;
    if (isPlain(a) && isPlain(b) && a.object !== "list") {
      const nested = previousAttributes(a, b);
      if (nested) out[key] = nested;
    } else out[key] = a === undefined ? null : a;
  }
  return Object.keys(out).length ? out : null;
}
