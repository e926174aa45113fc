import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { operations, payoutDestinations, payouts } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { v2Request } from "@/lib/stripe/v2";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { payoutActions } from "./actions";
import { fetchUsdcBalance } from "./stripe";
import { payoutTimeline } from "./timeline";
import { fundedTenants, POLYGON, sandboxDeps, token, type Tenant } from "@/testing/payouts-fixtures";

let sandbox: SandboxProcess;
before(async () => {
  sandbox = await startSandboxProcess();
});
after(async () => {
  await sandbox.stop();
});

describeEachDatabase("payouts through the sandbox", (database) => {
  let a: Tenant;
  let specs: ReturnType<typeof payoutActions>;
  const transfers = async (t: Tenant) =>
    (
      await v2Request(sandbox.stripe, "GET", "/v2/money_management/outbound_transfers?limit=100", undefined, {
        account: t.business.stripeAccountId!,
      })
    ).data as Array<{ id: string }>;
  const balance = (t: Tenant) =>
    fetchUsdcBalance(sandbox.stripe, t.business.stripeAccountId!, t.business.financialAccountId!);
  const addWallet = async (t: Tenant, clientToken = token()) => {
    const r = await executeAction(database().db, t.owner, specs.addCryptoDestination, {
      clientToken,
      label: "Treasury wallet",
      network: "polygon",
      address: POLYGON,
    });
    assert.ok(r.ok, JSON.stringify(r));
    return r.data;
  };

  before(async () => {
    [a] = await fundedTenants(database().db, sandbox);
    specs = payoutActions(sandboxDeps(database().db, sandbox));
  });

  test("adding a polygon wallet creates one Stripe payout method, even when the form is sent twice", async () => {
    const clientToken = token();
    const first = await addWallet(a, clientToken);
    const again = await addWallet(a, clientToken);
    assert.equal(again.id, first.id);
    const pm = await v2Request(
      sandbox.stripe,
      "GET",
      `/v2/money_management/payout_methods/${first.payoutMethodId}`,
      undefined,
      { account: a.business.stripeAccountId! },
    );
    assert.equal(pm.crypto_wallet.address, POLYGON);
    assert.equal(pm.crypto_wallet.network, "polygon");
    const rows = await database()
      .db.select()
      .from(payoutDestinations)
      .where(eq(payoutDestinations.payoutMethodId, first.payoutMethodId));
    assert.equal(rows.length, 1);
  });

  test("a bad checksum, a missing Stellar memo and a bad CLABE are refused on their fields before Stripe", async () => {
    const { db } = database();
    const badChecksum = await executeAction(db, a.owner, specs.addCryptoDestination, {
      clientToken: token(),
      label: "",
      network: "polygon",
      address: POLYGON.replace("aA", "Aa"),
    });
    assert.equal(!badChecksum.ok && badChecksum.error.fields?.address !== undefined, true);
    const noMemo = await executeAction(db, a.owner, specs.addCryptoDestination, {
      clientToken: token(),
      label: "",
      network: "stellar",
      address: "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7",
    });
    assert.equal(!noMemo.ok && noMemo.error.fields?.memo !== undefined, true);
    const clabe = await executeAction(db, a.owner, specs.addBankDestination, {
      clientToken: token(),
      label: "",
      currency: "mxn",
      accountNumber: "1234",
    });
    assert.equal(!clabe.ok && clabe.error.fields?.accountNumber, "A CLABE is 18 digits");
    const pms = await v2Request(sandbox.stripe, "GET", "/v2/money_management/payout_methods?limit=100", undefined, {
      account: a.business.stripeAccountId!,
    });
    assert.equal(pms.data.length, 1, "only the wallet from the previous test exists");
  });

  test("bank accounts in USD, MXN and EUR are saved masked", async () => {
    const { db } = database();
    const inputs = [
      { currency: "usd", accountNumber: "000123456789", routingNumber: "110000000" },
      { currency: "mxn", accountNumber: "032180000118359719" },
      { currency: "eur", accountNumber: "DE89 3704 0044 0532 0130 00" },
    ];
    for (const input of inputs) {
      const r = await executeAction(db, a.owner, specs.addBankDestination, {
        clientToken: token(),
        label: "",
        ...input,
      });
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.data.currency, input.currency);
      assert.match(r.data.address, /^•••• \w{4}$/);
    }
  });

  test("an amount above the available balance is refused and nothing is sent", async () => {
    const dest = await addWallet(a);
    const { available } = await balance(a);
    const before = (await transfers(a)).length;
    const r = await executeAction(database().db, a.owner, specs.sendPayout, {
      clientToken: token(),
      destinationId: dest.id,
      amount: ((available + 1) / 100).toFixed(2),
    });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, "insufficient_funds");
    assert.match((!r.ok && r.error.fields?.amount) || "", /available/);
    assert.equal((await transfers(a)).length, before);
  });

  test("the same client token twice, even at once, makes one outbound transfer; two tokens make two", async () => {
    const { db } = database();
    const dest = await addWallet(a);
    const before = await balance(a);
    const count = (await transfers(a)).length;
    const clientToken = token();
    const send = (t: string) =>
      executeAction(db, a.owner, specs.sendPayout, { clientToken: t, destinationId: dest.id, amount: "10.00" });
    const [one, two] = await Promise.all([send(clientToken), send(clientToken)]);
    const three = await send(clientToken);
    assert.ok(one.ok && two.ok && three.ok, JSON.stringify([one, two, three]));
    assert.equal(
      new Set([one.data.outboundTransferId, two.data.outboundTransferId, three.data.outboundTransferId]).size,
      1,
    );
    assert.equal((await transfers(a)).length, count + 1);
    const other = await send(token());
    assert.ok(other.ok);
    assert.notEqual(other.data.outboundTransferId, one.data.outboundTransferId);
    assert.equal((await transfers(a)).length, count + 2);
    assert.equal((await balance(a)).available, before.available - 2000);
    const ops = await db
      .select()
      .from(operations)
      .where(and(eq(operations.kind, "payout"), eq(operations.clientToken, clientToken)));
    assert.equal(ops.length, 1);
    const [readModel] = await db.select().from(payouts).where(eq(payouts.id, one.data.outboundTransferId));
    assert.equal(readModel?.amount, 1000);
  });

  test("sandbox controls move a payout through posted and returned, or failed, and the timeline shows it", async () => {
    const { db } = database();
    const dest = await addWallet(a);
    const sent = await executeAction(db, a.owner, specs.sendPayout, {
      clientToken: token(),
      destinationId: dest.id,
      amount: "1.50",
    });
    assert.ok(sent.ok);
    const drive = (payoutId: string, action: "post" | "fail" | "return", reason?: string) =>
      executeAction(db, a.owner, specs.drivePayout, { payoutId, action, reason });
    assert.deepEqual(await drive(sent.data.payoutId, "post"), { ok: true, data: { status: "posted" } });
    assert.deepEqual(await drive(sent.data.payoutId, "return", "payout_method_closed"), {
      ok: true,
      data: { status: "returned" },
    });
    const [op] = await db.select().from(operations).where(eq(operations.id, sent.data.payoutId));
    const steps = payoutTimeline(op!.result!);
    assert.deepEqual(
      steps.map((s) => s.status),
      ["processing", "posted", "returned"],
    );
    assert.equal(steps[2]?.reason, "The destination account is closed");
    const again = await drive(sent.data.payoutId, "post");
    assert.equal(again.ok, false, "a returned payout can't be posted");

    const failing = await executeAction(db, a.owner, specs.sendPayout, {
      clientToken: token(),
      destinationId: dest.id,
      amount: "2.00",
    });
    assert.ok(failing.ok);
    const before = (await balance(a)).available;
    assert.deepEqual(await drive(failing.data.payoutId, "fail"), { ok: true, data: { status: "failed" } });
    assert.equal((await balance(a)).available, before + 200, "a failed payout gives the money back");
  });

  test("members can see but not add destinations or send", async () => {
    const { db } = database();
    const dest = await addWallet(a);
    const add = await executeAction(db, a.member, specs.addCryptoDestination, {
      clientToken: token(),
      label: "",
      network: "polygon",
      address: POLYGON,
    });
    const send = await executeAction(db, a.member, specs.sendPayout, {
      clientToken: token(),
      destinationId: dest.id,
      amount: "1.00",
    });
    assert.equal(!add.ok && add.error.code, "forbidden");
    assert.equal(!send.ok && send.error.code, "forbidden");
  });
});
