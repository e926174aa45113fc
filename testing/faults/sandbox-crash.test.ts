import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/connect";
import { describeEachDatabase } from "@/db/testing";
import { operations, users, type Business } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import type { BusinessScope, PlatformScope } from "@/lib/actions/execute";
import { adminActions } from "@/lib/admin/actions";
import { FUNDING_KIND } from "@/lib/admin/funding";
import { platformV2UsdAccount } from "@/lib/admin/platform-accounts";
import { PAYOUT_KIND } from "@/db/queries/payouts";
import { payoutActions } from "@/lib/payouts/actions";
import { RulesCache } from "@/lib/rules/rules-store";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { seededBusinesses } from "@/testing/seeded-business";
import { linkBankSchema, startBankLink, verifyBankLink } from "@/lib/treasury/bank-accounts";
import { moveMoneyIn } from "@/lib/treasury/inbound";
import { faultSeed, seeded, v1Ledger, v2All, v2Ledger } from "@/testing/faults/helpers";

// Fault: the sandbox (our Stripe) is SIGKILLed while the app is moving money, then restarted on
// the same data directory and port. The app retries every operation the way it would (the same
// form token, so the same operation row and idempotency key), and afterwards every operation
// exists at Stripe exactly once, the app's record agrees with Stripe, and every ledger balances.

const SEED = faultSeed(20261130);
const KILL_POINTS = 3;
const PER_KIND = 6;
const POLYGON = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

type Kind = "inbound" | "funding" | "payout";
type Op = { kind: Kind; token: string; amount: number; double: boolean; ackedBeforeKill?: string };
type Outcome = { ok: true; id: string } | { ok: false; why: string };

let sandbox: SandboxProcess;
before(async () => {
  sandbox = await startSandboxProcess({ SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0" });
});
after(async () => {
  await sandbox.stop();
});

describeEachDatabase("sandbox SIGKILL during money movement", (database: () => Database) => {
  let us: Business;
  let mx: Business;
  let usOwner: string;
  let mxOwner: BusinessScope;
  let admin: PlatformScope;
  let bank: string;
  let destination: string;

  before(async () => {
    const { db } = database();
    await sandbox.control("/_sandbox/reset", { seed: `faults-${SEED}` });
    const [seededUs, seededMx] = await seededBusinesses(db, sandbox.stripe, ["US", "MX"]);
    [us, mx, usOwner] = [seededUs.business, seededMx.business, seededUs.ownerId];
    mxOwner = {
      actor: { userId: seededMx.ownerId, businessId: mx.id, role: "owner", provenAt: new Date() },
      business: mx,
    };
    const [a] = await db
      .insert(users)
      .values({
        email: `admin-${randomUUID()}@faults.test`,
        name: "Admin",
        passwordHash: "x",
        platformRole: "platform_admin",
      })
      .returning();
    admin = { actor: { userId: a!.id, role: "platform_admin", businessId: null, provenAt: new Date() } };

    const link = linkBankSchema.parse({
      clientToken: randomUUID(),
      holderName: "Acme",
      routingNumber: "110000000",
      accountNumber: "000123456789",
      accountType: "checking",
    });
    const { operationId } = await startBankLink(db, sandbox.stripe, us, usOwner, link, {
      ip: "127.0.0.1",
      userAgent: "faults",
    });
    assert.equal(await verifyBankLink(db, sandbox.stripe, us, { operation: operationId, code: "SM11AA" }), "verified");
    bank = operationId;
    const dest = await executeAction(db, mxOwner, specs().addCryptoDestination, {
      clientToken: `tok-${randomUUID()}`,
      label: "Wallet",
      network: "polygon",
      address: POLYGON,
    });
    assert.ok(dest.ok, JSON.stringify(dest));
    destination = dest.data.id;
  });

  const specs = () =>
    payoutActions(() => ({
      db: database().db,
      stripe: sandbox.stripe,
      sandboxControl: (p, b) => sandbox.control(p, b),
    }));
  const adminDeps = () => ({
    db: database().db,
    stripe: sandbox.stripe,
    rules: new RulesCache(0),
    origin: async () => "http://127.0.0.1",
    mode: "sandbox" as const,
  });

  /** One submit of the form behind `op`, through the function its server action calls. */
  async function submit(op: Op): Promise<Outcome> {
    const { db } = database();
    const quiet = console.error;
    if (!process.env.FAULTS_DEBUG) console.error = () => {}; // the app logs every refused connection; expected here
    try {
      if (op.kind === "inbound") {
        try {
          const r = await moveMoneyIn(db, sandbox.stripe, us, usOwner, {
            clientToken: op.token,
            bank,
            amount: op.amount,
          });
          return r.ok ? { ok: true, id: r.id } : { ok: false, why: r.message };
        } catch (err) {
          // What the money action answers (app/(business)/money/actions.ts): Stripe's refusal, or "try again"
          // (a connection cut by the kill, or a v1 409 while the other click holds the idempotency key).
          const e = err as { type?: string; message?: string };
          return {
            ok: false,
            why: e.type === "StripeInvalidRequestError" ? `refused: ${e.message}` : "stripe_unavailable",
          };
        }
      }
      if (op.kind === "funding") {
        const r = await executeAction(db, admin, adminActions(adminDeps).fund, {
          businessId: mx.id,
          amount: (op.amount / 100).toFixed(2),
          clientToken: op.token,
        });
        return r.ok ? { ok: true, id: r.data.stripeObjectId } : { ok: false, why: r.error.code };
      }
      const r = await executeAction(db, mxOwner, specs().sendPayout, {
        clientToken: op.token,
        destinationId: destination,
        amount: (op.amount / 100).toFixed(2),
      });
      return r.ok ? { ok: true, id: r.data.outboundTransferId } : { ok: false, why: r.error.code };
    } catch (err) {
      return { ok: false, why: (err as { type?: string }).type ?? String(err) };
    } finally {
      console.error = quiet;
    }
  }

  /** What Stripe holds for the operations of this suite, by amount (amounts are unique per operation). */
  async function atStripe(): Promise<Record<Kind, Map<number, string[]>>> {
    const byAmount = (objects: Array<{ id: string; amount: number }>) => {
      const m = new Map<number, string[]>();
      for (const o of objects) m.set(o.amount, [...(m.get(o.amount) ?? []), o.id]);
      return m;
    };
    const ibts = await sandbox.stripe.treasury.inboundTransfers
      .list({ financial_account: us.financialAccountId!, limit: 100 }, { stripeAccount: us.stripeAccountId! })
      .autoPagingToArray({ limit: 10_000 });
    const obps = (await v2All(sandbox.stripe, "/v2/money_management/outbound_payments?limit=100")).filter(
      (p) => p.to?.recipient === mx.stripeAccountId && p.description !== "Demo funding",
    );
    const obts = await v2All(sandbox.stripe, "/v2/money_management/outbound_transfers?limit=100", mx.stripeAccountId!);
    return {
      inbound: byAmount(ibts.map((t) => ({ id: t.id, amount: t.amount }))),
      funding: byAmount(obps.map((p) => ({ id: String(p.id), amount: Number(p.amount.value) }))),
      payout: byAmount(obts.map((t) => ({ id: String(t.id), amount: Number(t.amount.value) }))),
    };
  }

  test(`every operation exists once, agrees with the app and balances after ${KILL_POINTS} SIGKILLs mid-flight (seed ${SEED})`, async () => {
    const { db } = database();
    const random = seeded(SEED);
    const all: Op[] = [];
    const platformFa = (await platformV2UsdAccount(sandbox.stripe))!.id as string;
    const start = {
      us: await v1Ledger(sandbox.stripe, us.financialAccountId!, us.stripeAccountId!),
      mx: await v2Ledger(sandbox.stripe, mx.financialAccountId!, "usdc", mx.stripeAccountId!),
      platform: await v2Ledger(sandbox.stripe, platformFa, "usd"),
    };
    const stats: string[] = [];
    let cutOff = 0;

    for (let round = 0; round < KILL_POINTS; round++) {
      const ops: Op[] = [];
      for (let i = 0; i < PER_KIND; i++) {
        const n = round * PER_KIND + i;
        ops.push({ kind: "inbound", token: randomUUID(), amount: 10_000 + n, double: random() < 0.3 });
        ops.push({ kind: "funding", token: `fund-${randomUUID()}`, amount: 20_000 + n, double: random() < 0.3 });
        ops.push({ kind: "payout", token: `tok-${randomUUID()}`, amount: 100 + n, double: random() < 0.3 });
      }
      for (let i = ops.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [ops[i], ops[j]] = [ops[j]!, ops[i]!];
      }
      all.push(...ops);
      // Kill once this many submits have been answered: some acknowledged, the rest in flight.
      const killAfter = 1 + Math.floor(random() * (ops.length / 2));
      let acked = 0;
      let killed: Promise<void> | null = null;
      const submits = ops.flatMap((op) =>
        (op.double ? [op, op] : [op]).map(async (o) => {
          const r = await submit(o);
          if (r.ok && !killed) {
            o.ackedBeforeKill ??= r.id;
            if (++acked >= killAfter) killed = sandbox.kill("SIGKILL");
          }
          return r;
        }),
      );
      const results = await Promise.all(submits);
      assert.ok(killed, "the sandbox was killed while operations were in flight");
      await killed;
      const failed = results.filter((r) => !r.ok).length;
      cutOff += failed;
      await sandbox.restart();

      // Right after the restart: nothing twice, and everything the app was told about survived.
      const found = await atStripe();
      for (const op of ops) {
        const ids = found[op.kind].get(op.amount) ?? [];
        assert.ok(ids.length <= 1, `${op.kind} ${op.amount} exists ${ids.length} times at Stripe`);
        if (op.ackedBeforeKill)
          assert.deepEqual(ids, [op.ackedBeforeKill], `acknowledged ${op.kind} ${op.amount} survived the crash`);
      }
      const survived = ops.filter((op) => (found[op.kind].get(op.amount) ?? []).length === 1).length;

      // The user submits the same form again (some double-click again); every operation completes.
      // A double click races two requests with one idempotency key: one may be told to try again
      // (Stripe's 409 for a key in use), never that it failed; then the form sent once more answers.
      const retried = await Promise.all(
        ops.flatMap((op) => (op.double ? [op, op] : [op]).map(async (o) => ({ o, r: await submit(o) }))),
      );
      for (const op of ops) {
        const mine = retried.filter((x) => x.o === op).map((x) => x.r);
        assert.ok(
          mine.some((r) => r.ok),
          `retry of ${op.kind} ${op.amount} failed: ${JSON.stringify(mine)}`,
        );
        for (const r of mine)
          if (!r.ok)
            assert.equal(
              r.why,
              "stripe_unavailable",
              `the second click of ${op.kind} ${op.amount} is told to retry\n${sandbox.logs().slice(-4000)}`,
            );
        const again = await submit(op);
        assert.ok(again.ok, `${op.kind} ${op.amount} sent once more: ${JSON.stringify(again)}`);
        for (const r of [...mine, again])
          if (r.ok) assert.equal(r.id, op.ackedBeforeKill ?? again.id, "every answer names the same object");
      }
      stats.push(
        `kill point ${round + 1}: ${ops.length} operations (${ops.filter((o) => o.double).length} double-submitted), killed after ${killAfter} acks; ${ops.filter((o) => o.ackedBeforeKill).length} acked, ${failed} submits cut off, ${survived} at Stripe after restart`,
      );
    }

    assert.ok(cutOff > 0, "the kills cut off submits in flight");

    // Every operation exists at Stripe exactly once, and the app's stored operation agrees.
    const found = await atStripe();
    const rows = await db
      .select()
      .from(operations)
      .where(inArray(operations.kind, ["inbound_transfer", FUNDING_KIND, PAYOUT_KIND]));
    const kindOf: Record<Kind, string> = { inbound: "inbound_transfer", funding: FUNDING_KIND, payout: PAYOUT_KIND };
    for (const op of all) {
      const ids = found[op.kind].get(op.amount) ?? [];
      assert.equal(ids.length, 1, `${op.kind} ${op.amount} exists ${ids.length} times at Stripe`);
      const mine = rows.filter((r) => r.kind === kindOf[op.kind] && r.clientToken === op.token);
      assert.equal(mine.length, 1, `one operation row for ${op.kind} ${op.amount}`);
      assert.equal(mine[0]!.status, "succeeded");
      assert.equal(mine[0]!.stripeObjectId, ids[0]);
      assert.equal(mine[0]!.amount, op.amount);
    }
    for (const kind of ["inbound", "funding", "payout"] as const) {
      assert.equal(found[kind].size, all.filter((o) => o.kind === kind).length, `no stray ${kind} at Stripe`);
    }
    assert.equal(
      (
        await db
          .select()
          .from(operations)
          .where(
            and(
              inArray(operations.kind, ["inbound_transfer", FUNDING_KIND, PAYOUT_KIND]),
              eq(operations.status, "pending"),
            ),
          )
      ).length,
      0,
    );

    // Every ledger balances, and no money was created or lost.
    const end = {
      us: await v1Ledger(sandbox.stripe, us.financialAccountId!, us.stripeAccountId!),
      mx: await v2Ledger(sandbox.stripe, mx.financialAccountId!, "usdc", mx.stripeAccountId!),
      platform: await v2Ledger(sandbox.stripe, platformFa, "usd"),
    };
    for (const [name, l] of Object.entries(end))
      assert.deepEqual(l.balance, l.sum, `${name}: balance = sum of its transactions`);
    const total = (kind: Kind) => all.filter((o) => o.kind === kind).reduce((s, o) => s + o.amount, 0);
    const net = (l: { balance: { available: number; inbound_pending: number; outbound_pending: number } }) =>
      l.balance.available + l.balance.inbound_pending;
    assert.equal(net(end.us) - net(start.us), total("inbound"), "US: every inbound transfer counted once");
    assert.equal(
      start.platform.balance.available - end.platform.balance.available,
      total("funding"),
      "platform: debited once per funding",
    );
    assert.equal(
      net(end.mx) - net(start.mx),
      total("funding") - total("payout"),
      "MX wallet: credited once per funding, debited once per payout",
    );
    console.log(`seed ${SEED}: ${all.length} operations over ${KILL_POINTS} kill points\n  ${stats.join("\n  ")}`);
  });
});
