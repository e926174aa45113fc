import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Store } from "../store/store";
import { BALANCES, balanceOf, impactOn, LedgerError, post, type Balance } from "./ledger";
import { convert, credit, debit, hold, release, settleHold } from "./moves";
import { assertLedger, ledgerViolations } from "./invariants";

function withStore(fn: (store: Store) => Promise<void>) {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ledger-"));
    const store = new Store(dir);
    try {
      await fn(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const flow = { type: "test", id: "t_1" };

test(
  "a hold moves cash to outbound_pending; settling removes it; invariants hold throughout",
  withStore(async (store) => {
    let tx = store.begin();
    credit(tx, { holder: "fa_1", currency: "usd", amount: 1000, flow, nowMs: 0 });
    const held = hold(tx, { holder: "fa_1", currency: "usd", amount: 400, flow, nowMs: 0 });
    await tx.commit();
    assert.deepEqual(impactOn(held, "fa_1"), { cash: -400, inbound_pending: 0, outbound_pending: 400 });
    assert.deepEqual(
      { ...balanceOf(store, "fa_1", "usd") },
      { holder: "fa_1", currency: "usd", cash: 600, inbound_pending: 0, outbound_pending: 400 },
    );
    assertLedger(store);
    tx = store.begin();
    settleHold(tx, { holder: "fa_1", currency: "usd", amount: 300, flow, nowMs: 0 });
    release(tx, { holder: "fa_1", currency: "usd", amount: 100, flow, nowMs: 0 });
    await tx.commit();
    assert.equal(balanceOf(store, "fa_1", "usd").cash, 700);
    assert.equal(balanceOf(store, "fa_1", "usd").outbound_pending, 0);
    assertLedger(store);
  }),
);

test(
  "spending more than cash throws insufficient_funds and writes nothing",
  withStore(async (store) => {
    const tx = store.begin();
    credit(tx, { holder: "fa_1", currency: "usd", amount: 100, flow, nowMs: 0 });
    await tx.commit();
    const tx2 = store.begin();
    assert.throws(
      () => hold(tx2, { holder: "fa_1", currency: "usd", amount: 101, flow, nowMs: 0 }),
      (e: LedgerError) => e.code === "insufficient_funds" && e.details.available === 100 && e.details.needed === 101,
    );
    assert.throws(
      () => debit(tx2, { holder: "fa_1", currency: "usd", amount: 0, flow, nowMs: 0 }),
      (e: LedgerError) => e.code === "invalid_amount",
    );
    assert.throws(
      () => debit(tx2, { holder: "fa_1", currency: "usd", amount: -5, flow, nowMs: 0 }),
      (e: LedgerError) => e.code === "invalid_amount",
    );
    assert.equal(tx2.size, 0);
  }),
);

test(
  "unbalanced journals are refused; conversions balance per currency",
  withStore(async (store) => {
    const tx = store.begin();
    assert.throws(
      () => post(tx, { currency: "usd", nowMs: 0, lines: [{ holder: "fa_1", bucket: "cash", amount: 5 }] }),
      (e: LedgerError) => e.code === "unbalanced",
    );
    credit(tx, { holder: "fa_p", currency: "usd", amount: 10000, flow, nowMs: 0 });
    convert(
      tx,
      { holder: "fa_p", currency: "usd", amount: 10000, bucket: "cash" },
      { holder: "fa_c", currency: "usdc", amount: 10000 },
      flow,
      0,
    );
    await tx.commit();
    assert.equal(balanceOf(store, "fa_p", "usd").cash, 0);
    assert.equal(balanceOf(store, "fa_c", "usdc").cash, 10000);
    assert.deepEqual(ledgerViolations(store), []);
  }),
);

test(
  "the checker notices a balance that disagrees with its entries",
  withStore(async (store) => {
    const tx = store.begin();
    credit(tx, { holder: "fa_1", currency: "usd", amount: 100, flow, nowMs: 0 });
    await tx.commit();
    const bad = store.begin();
    const b = balanceOf(store, "fa_1", "usd");
    bad.put<Balance>(BALANCES, "fa_1|usd", { owner: "", data: { ...b, cash: 150 } });
    await bad.commit();
    const problems = ledgerViolations(store);
    assert.ok(
      problems.some((p) => p.includes("fa_1|usd cash: balance 150 but entries sum to 100")),
      problems.join("\n"),
    );
    assert.ok(problems.some((p) => p.includes("usd is not conserved")));
  }),
);
