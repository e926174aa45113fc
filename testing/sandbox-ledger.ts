import assert from "node:assert/strict";

/**
 * The sandbox's own check of its ledger (`GET /_sandbox/ledger/violations`): every balance equals
 * the sum of its entries, holds and transfers balance, and so on. Empty when all is well.
 */
export async function ledgerViolations(sandboxUrl: string): Promise<unknown[]> {
  const res = await fetch(`${sandboxUrl}/_sandbox/ledger/violations`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { violations: unknown[] }).violations;
}
