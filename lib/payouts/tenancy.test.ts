import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { operations, payoutDestinations, walletEntries } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { listWalletEntries } from "@/lib/wallet/history";
import { walletExportResponse } from "@/lib/wallet/export";
import { syncWalletEntries } from "@/lib/wallet/sync";
import { findDestination, listDestinations } from "@/db/queries/payout-destinations";
import { findPayout, listPayouts } from "@/db/queries/payouts";
import { payoutActions } from "./actions";
import { retrieveOutboundTransfer } from "./stripe";
import { fundedTenants, POLYGON, sandboxDeps, token, type Tenant } from "@/testing/payouts-fixtures";

let sandbox: SandboxProcess;
before(async () => {
  sandbox = await startSandboxProcess();
});
after(async () => {
  await sandbox.stop();
});

// Business B's people try every id of business A's wallet, destinations and payouts.
describeEachDatabase("wallet and payouts tenancy", (database) => {
  let a: Tenant;
  let b: Tenant;
  let specs: ReturnType<typeof payoutActions>;
  let destinationId: string;
  let payoutId: string;
  let transferId: string;
  let sendToken: string;

  before(async () => {
    const { db } = database();
    [a, b] = await fundedTenants(db, sandbox);
    specs = payoutActions(sandboxDeps(db, sandbox));
    const dest = await executeAction(db, a.owner, specs.addCryptoDestination, {
      clientToken: token(),
      label: "A's wallet",
      network: "polygon",
      address: POLYGON,
    });
    assert.ok(dest.ok);
    destinationId = dest.data.id;
    sendToken = token();
    const sent = await executeAction(db, a.owner, specs.sendPayout, {
      clientToken: sendToken,
      destinationId,
      amount: "25.00",
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    payoutId = sent.data.payoutId;
    transferId = sent.data.outboundTransferId;
    await syncWalletEntries(db, sandbox.stripe, a.business);
    await syncWalletEntries(db, sandbox.stripe, b.business);
  });

  test("A's wallet history has its funding (USD debited, USDC credited) and its payout; B's has neither of A's", async () => {
    const { db } = database();
    const mine = await listWalletEntries(db, { businessId: a.business.id, filter: {} });
    const funding = mine.rows.find((r) => r.kind === "funding");
    assert.equal(funding?.amount, 100_000);
    assert.equal(funding?.currency, "usdc");
    assert.equal(funding?.counterAmount, -100_000);
    assert.equal(funding?.counterCurrency, "usd");
    assert.equal(mine.rows.find((r) => r.kind === "payout")?.amount, -2500);
    const onlyPayouts = await listWalletEntries(db, { businessId: a.business.id, filter: { type: "payout" } });
    assert.deepEqual(
      onlyPayouts.rows.map((r) => r.kind),
      ["payout"],
    );
    const future = await listWalletEntries(db, { businessId: a.business.id, filter: { from: "2999-01-01" } });
    assert.equal(future.rows.length, 0);

    const theirs = await listWalletEntries(db, { businessId: b.business.id, filter: {} });
    const aIds = new Set(mine.rows.map((r) => r.id));
    assert.ok(theirs.rows.length > 0, "B has its own funding");
    assert.ok(theirs.rows.every((r) => !aIds.has(r.id) && r.financialAccount === b.business.financialAccountId));
  });

  test("the CSV export holds only the caller's business, whatever the query string says", async () => {
    const { db } = database();
    const asA = await (
      await walletExportResponse(db, { businessId: a.business.id, role: "member" }, new URLSearchParams())
    ).text();
    assert.match(asA, /Payout,.*,-25\.00,USDC/);
    const asB = await walletExportResponse(
      db,
      { businessId: b.business.id, role: "owner" },
      new URLSearchParams({ businessId: a.business.id, business: a.business.id }),
    );
    const text = await asB.text();
    assert.equal(asB.status, 200);
    const aRows = await db
      .select({ id: walletEntries.id })
      .from(walletEntries)
      .where(eq(walletEntries.businessId, a.business.id));
    assert.ok(aRows.length > 0);
    for (const row of aRows) assert.ok(!text.includes(row.id), `B's export leaks ${row.id}`);
    assert.equal((await walletExportResponse(db, null, new URLSearchParams())).status, 401);
  });

  test("B can't see, archive or send to A's destination", async () => {
    const { db } = database();
    assert.equal(await findDestination(db, { businessId: b.business.id, id: destinationId }), undefined);
    assert.ok((await listDestinations(db, { businessId: b.business.id })).every((d) => d.id !== destinationId));
    const archive = await executeAction(db, b.owner, specs.archiveDestination, { destinationId });
    assert.equal(!archive.ok && archive.error.code, "not_found");
    const [stillActive] = await db.select().from(payoutDestinations).where(eq(payoutDestinations.id, destinationId));
    assert.equal(stillActive?.archived, false);
    const send = await executeAction(db, b.owner, specs.sendPayout, {
      clientToken: token(),
      destinationId,
      amount: "1.00",
    });
    assert.equal(!send.ok && send.error.fields?.destinationId, "Choose one of your saved destinations");
  });

  test("B can't read, drive or replay A's payout", async () => {
    const { db } = database();
    assert.equal(await findPayout(db, { businessId: b.business.id, id: payoutId }), undefined);
    assert.ok(
      (await listPayouts(db, { businessId: b.business.id, limit: 100, offset: 0 })).every((p) => p.id !== payoutId),
    );
    for (const action of ["post", "fail", "return"] as const) {
      const r = await executeAction(db, b.owner, specs.drivePayout, { payoutId, action });
      assert.equal(!r.ok && r.error.code, "not_found");
    }
    const obt = await retrieveOutboundTransfer(sandbox.stripe, a.business.stripeAccountId!, transferId);
    assert.equal(obt.status, "processing", "nothing moved A's payout");
    // Reusing A's form token from B's session neither replays A's payout nor sends one.
    const bDest = await executeAction(db, b.owner, specs.addCryptoDestination, {
      clientToken: token(),
      label: "",
      network: "polygon",
      address: POLYGON,
    });
    assert.ok(bDest.ok);
    const replay = await executeAction(db, b.owner, specs.sendPayout, {
      clientToken: sendToken,
      destinationId: bDest.data.id,
      amount: "25.00",
    });
    assert.equal(!replay.ok && replay.error.code, "not_found");
    const ops = await db.select().from(operations).where(eq(operations.clientToken, sendToken));
    assert.equal(ops.length, 1);
    assert.equal(ops[0]?.businessId, a.business.id);
  });

  test("a member of A can export but not drive payouts", async () => {
    const { db } = database();
    const r = await executeAction(db, a.member, specs.drivePayout, { payoutId, action: "post" });
    assert.equal(!r.ok && r.error.code, "forbidden");
  });
});
