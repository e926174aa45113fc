import type { Store } from "../store/store";
import { BALANCES, BUCKETS, isExternal, JOURNALS, type Balance, type Journal } from "./ledger";

/**
 * Checks the ledger from scratch against its own journals. Tests call it after every
 * operation; it returns the violations (empty when all is well):
 * - every journal's lines sum to zero;
 * - every stored balance equals the sum of the lines that touched it, bucket by bucket;
 * - no internal holder's bucket is below zero;
 * - per currency, all balances together (external holders included) sum to zero.
 */
export function ledgerViolations(store: Store): string[] {
  const problems: string[] = [];
  const sums = new Map<string, Balance>();
  for (const [id, row] of store.rows<Journal>(JOURNALS)) {
    const j = row.data;
    const total = j.lines.reduce((s, l) => s + l.amount, 0);
    if (total !== 0) problems.push(`journal ${id} sums to ${total}`);
    for (const l of j.lines) {
      const k = `${l.holder}|${j.currency}`;
      const b = sums.get(k) ?? {
        holder: l.holder,
        currency: j.currency,
        cash: 0,
        inbound_pending: 0,
        outbound_pending: 0,
      };
      b[l.bucket] += l.amount;
      sums.set(k, b);
    }
  }
  const perCurrency = new Map<string, number>();
  const stored = new Map(store.rows<Balance>(BALANCES).map(([k, r]) => [k, r.data]));
  for (const k of new Set([...stored.keys(), ...sums.keys()])) {
    const s = stored.get(k);
    const e = sums.get(k);
    for (const bucket of BUCKETS) {
      const sv = s?.[bucket] ?? 0;
      const ev = e?.[bucket] ?? 0;
      if (sv !== ev) problems.push(`${k} ${bucket}: balance ${sv} but entries sum to ${ev}`);
      if (!isExternal(k) && sv < 0) problems.push(`${k} ${bucket} is negative (${sv})`);
      const currency = k.slice(k.lastIndexOf("|") + 1);
      perCurrency.set(currency, (perCurrency.get(currency) ?? 0) + sv);
    }
  }
  for (const [currency, total] of perCurrency)
    if (total !== 0) problems.push(`${currency} is not conserved: all balances sum to ${total}`);
  return problems;
}

/** Throws with every violation listed; for tests. */
export function assertLedger(store: Store): void {
  const problems = ledgerViolations(store);
  if (problems.length) throw new Error(`ledger invariants violated:\n${problems.join("\n")}`);
}
