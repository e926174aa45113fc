import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { operations } from "@/db/schema";
import { ok, type ActionResult } from "@/lib/errors";
import { createOutboundTransfer, createPayoutMethod, type TransferRequest } from "@/lib/payouts/stripe";
import { fundedTenants, POLYGON, token, type Tenant } from "@/testing/payouts-fixtures";
import { v2Request } from "@/lib/stripe/v2";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { callStripeOnce, claimOperation, FORM_ALREADY_USED, idempotencyKeyFor, recordSuccess } from "./operations";
import { quietly } from "@/testing/quietly";

const TRANSFERS = "/v2/money_management/outbound_transfers";

/**
 * The app's road to the sandbox, with a switch that lets outbound transfers reach the sandbox
 * (which makes them) and then cuts the connection before the answer gets back. The SDK retries a
 * closed connection once with the same key; while the switch is on, that answer is lost too.
 */
async function stripeProxy(target: string) {
  let posts = 0;
  let losing = false;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (e): e is [string, string] => typeof e[1] === "string" && !["host", "content-length"].includes(e[0]),
      ),
    );
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    if (req.method === "POST" && req.url === TRANSFERS) {
      posts++;
      if (losing) {
        req.socket.destroy();
        return;
      }
    }
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const stripe = new Stripe("sk_test_app_integration", {
    host: "127.0.0.1",
    port: (server.address() as AddressInfo).port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  return {
    stripe,
    transferPosts: () => posts,
    loseAnswers: (on: boolean) => (losing = on),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

let sandbox: SandboxProcess;
let proxy: Awaited<ReturnType<typeof stripeProxy>>;
before(async () => {
  sandbox = await startSandboxProcess();
  proxy = await stripeProxy(sandbox.url);
});
after(async () => {
  await proxy.close();
  await sandbox.stop();
});

describeEachDatabase("operations: money moves once", (database) => {
  let a: Tenant;
  let b: Tenant;
  let payoutMethod: string;

  before(async () => {
    [a, b] = await fundedTenants(database().db, sandbox);
    const pm = await createPayoutMethod(
      sandbox.stripe,
      a.business.stripeAccountId!,
      { type: "crypto_wallet", crypto_wallet: { address: POLYGON, network: "polygon" } },
      `test-pm-${a.business.id}`,
    );
    payoutMethod = String(pm.id);
  });

  /** One form submission, the way a core sends money: claim, call Stripe once, record. */
  async function send(tenant: Tenant, clientToken: string, amount: number, waitMs?: number) {
    const { db } = database();
    const transfer: TransferRequest = {
      financialAccount: a.business.financialAccountId!,
      payoutMethod,
      amount,
      currency: "usdc",
      toCurrency: "usdc",
      description: "operations test",
    };
    const claim = await claimOperation(
      db,
      {
        kind: "test_transfer",
        clientToken,
        businessId: tenant.business.id,
        createdBy: tenant.owner.actor.userId,
        amount,
        currency: "usdc",
        request: transfer,
      },
      waitMs,
    );
    if (!claim.ok) return claim;
    const { op } = claim.data;
    if (op.status === "succeeded") return ok({ id: op.stripeObjectId!, op: op.id });
    const sent = await callStripeOnce(db, op, (key) =>
      createOutboundTransfer(proxy.stripe, a.business.stripeAccountId!, transfer, key),
    );
    if (!sent.ok) return sent.result;
    await recordSuccess(db, op, { stripeObjectId: String(sent.value.id), result: sent.value });
    return ok({ id: String(sent.value.id), op: op.id }) as ActionResult<{ id: string; op: string }>;
  }

  const rowsFor = (clientToken: string) =>
    database().db.select().from(operations).where(eq(operations.clientToken, clientToken));
  const atStripe = async (amount: number) =>
    (
      (
        await v2Request(sandbox.stripe, "GET", `${TRANSFERS}?limit=100`, undefined, {
          account: a.business.stripeAccountId!,
        })
      ).data as Array<{ id: string; amount: { value: number } }>
    ).filter((t) => t.amount.value === amount);

  test("a double submit: the second waits for the first's answer and Stripe is called once", async () => {
    const form = token();
    const postsBefore = proxy.transferPosts();
    const [first, second] = await Promise.all([send(a, form, 101), send(a, form, 101)]);
    assert.ok(first.ok && second.ok, JSON.stringify([first, second]));
    assert.equal(second.data.id, first.data.id);
    assert.equal(proxy.transferPosts() - postsBefore, 1, "one request reached Stripe");
    assert.deepEqual(
      (await atStripe(101)).map((t) => t.id),
      [first.data.id],
    );
    const rows = await rowsFor(form);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, "succeeded");
  });

  test("a refusal fails the row with our message; the corrected form, same token, sends once", async () => {
    const form = token();
    const tooMuch = 1_000_000_000;
    const refused = await quietly(() => send(a, form, tooMuch));
    assert.equal(!refused.ok && refused.error.code, "insufficient_funds");
    assert.equal(
      !refused.ok && refused.error.fields?.amount,
      "Not enough available balance to send 10,000,000.00 USDC",
    );
    assert.equal((await atStripe(tooMuch)).length, 0);
    const [failed] = await database().db.select().from(operations).where(eq(operations.amount, tooMuch));
    assert.equal(failed?.status, "failed");
    assert.notEqual(failed?.clientToken, form, "the refused row gave its form token back");

    const corrected = await send(a, form, 102);
    assert.ok(corrected.ok, JSON.stringify(corrected));
    assert.notEqual(corrected.data.op, failed!.id, "a new row, so a new idempotency key");
    assert.deepEqual(
      (await atStripe(102)).map((t) => t.id),
      [corrected.data.id],
    );
  });

  test("a lost answer keeps the row pending; the retry gets Stripe's replay and records success once", async () => {
    const form = token();
    const postsBefore = proxy.transferPosts();
    proxy.loseAnswers(true);
    const lost = await quietly(() => send(a, form, 103));
    proxy.loseAnswers(false);
    assert.equal(!lost.ok && lost.error.code, "stripe_unavailable");
    const made = await atStripe(103);
    assert.equal(made.length, 1, "Stripe made the transfer; only its answer was lost");
    const [pending] = await rowsFor(form);
    assert.equal(pending?.status, "pending");

    const retry = await send(a, form, 103, 0);
    assert.ok(retry.ok, JSON.stringify(retry));
    assert.equal(retry.data.id, made[0]!.id, "Stripe's replay of the same key");
    assert.ok(proxy.transferPosts() - postsBefore >= 2, "the retry reached Stripe again, with the same key");
    assert.equal((await atStripe(103)).length, 1, "the money moved once");
    const rows = await rowsFor(form);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, "succeeded");
    assert.equal(rows[0]!.stripeObjectId, made[0]!.id);
    assert.equal(idempotencyKeyFor(rows[0]!), `op-${rows[0]!.id}`);
  });

  test("another business's form token gets the one 'form already used' answer, and nothing is sent", async () => {
    const form = token();
    const mine = await send(a, form, 104);
    assert.ok(mine.ok);
    const postsBefore = proxy.transferPosts();
    const theirs = await send(b, form, 104);
    assert.deepEqual(theirs, FORM_ALREADY_USED);
    assert.equal(proxy.transferPosts(), postsBefore, "nothing reached Stripe");
    const rows = await rowsFor(form);
    assert.deepEqual(
      rows.map((r) => [r.businessId, r.status]),
      [[a.business.id, "succeeded"]],
    );
    // The same form sent again with another amount is the same answer, not a second transfer.
    assert.deepEqual(await send(a, form, 999), FORM_ALREADY_USED);
  });
});
