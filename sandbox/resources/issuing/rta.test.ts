import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { authorize, fundedCard, lastReason, type IssuingSetup } from "./fixtures";

/** A real-time authorization endpoint: verifies each request with the SDK, then answers as `answer` says. */
const SECRET = "whsec_rta_test_secret";
type Reply = { status?: number; body: string; version?: boolean; delayMs?: number };
let answer: (e: Stripe.Event) => Reply = () => ({ body: JSON.stringify({ approved: true }) });
const seen: Stripe.Event[] = [];
let rta: Server;
let t: TestSandbox;
let s: IssuingSetup;
const verifier = new Stripe("sk_test_verifier");

before(async () => {
  rta = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let event: Stripe.Event;
      try {
        event = verifier.webhooks.constructEvent(
          Buffer.concat(chunks).toString("utf8"),
          String(req.headers["stripe-signature"]),
          SECRET,
        );
      } catch {
        res.writeHead(400).end("bad signature");
        return;
      }
      seen.push(event);
      const r = answer(event);
      setTimeout(() => {
        res
          .writeHead(r.status ?? 200, {
            "content-type": "application/json",
            ...(r.version === false ? {} : { "stripe-version": String(event.api_version) }),
          })
          .end(r.body);
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => rta.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(rta.address() as AddressInfo).port}/rta`;
  t = await startTestSandbox({
    config: { treasuryActivationDelayMs: 30, rtaUrl: url, rtaSecret: SECRET, rtaTimeoutMs: 300 },
  });
  s = await fundedCard(t.stripe, 50000);
  // One unsigned request first (refused, nothing seen): the first fetch of a process sets up its
  // client and connection, which on a loaded machine can outlast the 300 ms answer window below.
  await fetch(url, { method: "POST", body: "{}" }).then((r) => r.arrayBuffer());
});
after(async () => {
  await t.close();
  rta.closeAllConnections();
  await new Promise((r) => rta.close(r));
});

const approve =
  (body: Record<string, unknown>, extra: Partial<Reply> = {}) =>
  () => ({ body: JSON.stringify(body), ...extra });
const cash = async () => {
  const b = (await t.stripe.treasury.financialAccounts.retrieve(s.fa, {}, s.opts)).balance;
  return { cash: b.cash.usd ?? 0, outbound_pending: b.outbound_pending.usd ?? 0 };
};
const config = (body: Record<string, unknown>) =>
  fetch(`${t.url}/_sandbox/config`, { method: "POST", body: JSON.stringify(body) });

test("real-time approval: a signed issuing_authorization.request mid-decision, then the hold and the events", async () => {
  answer = approve({ approved: true, metadata: { rule: "taxi-ok" } });
  const before = (await cash()).cash;
  const a = await authorize(t.stripe, s, 1000);
  assert.deepEqual([a.approved, a.status, lastReason(a)], [true, "pending", "webhook_approved"]);
  assert.equal(a.metadata.rule, "taxi-ok");
  const req = seen[seen.length - 1];
  assert.equal(req?.type, "issuing_authorization.request");
  assert.equal(req?.account, s.acct);
  const obj = req?.data.object as Stripe.Issuing.Authorization;
  assert.equal(obj.id, a.id);
  assert.deepEqual(
    [obj.amount, obj.pending_request?.amount, obj.pending_request?.is_amount_controllable, obj.request_history.length],
    [0, 1000, false, 0],
  );
  assert.equal((await cash()).cash, before - 1000);
  const created = (await t.stripe.events.list({ type: "issuing_authorization.created", limit: 1 }, s.opts)).data[0];
  assert.equal(
    (created?.data.object as Stripe.Issuing.Authorization).approved,
    true,
    "created is emitted after the decision",
  );
  const stored = (await t.stripe.events.list({ type: "issuing_authorization.request", limit: 1 }, s.opts)).data[0];
  assert.equal(stored?.id, req?.id, "the request event is listed too");
});

test("real-time decline, partial approval, and a partial answer on a non-controllable amount", async () => {
  answer = approve({ approved: false });
  const before = (await cash()).cash;
  const declined = await authorize(t.stripe, s, 1000);
  assert.deepEqual([declined.approved, declined.status, lastReason(declined)], [false, "closed", "webhook_declined"]);
  assert.equal((await cash()).cash, before);
  answer = approve({ approved: true, amount: 600 });
  const heldBefore = (await cash()).outbound_pending;
  const partial = await authorize(t.stripe, s, 1000, { is_amount_controllable: true });
  assert.deepEqual([partial.approved, partial.amount, lastReason(partial)], [true, 600, "webhook_approved"]);
  assert.equal(partial.request_history[0]?.amount, 1000, "history keeps what was asked");
  assert.equal((await cash()).outbound_pending - heldBefore, 600, "only the approved part is held");
  const notControllable = await authorize(t.stripe, s, 1000);
  assert.deepEqual([notControllable.approved, lastReason(notControllable)], [false, "webhook_error"]);
  assert.match(notControllable.request_history[0]?.reason_message ?? "", /is_amount_controllable/);
  answer = approve({ approved: true, amount: 5000 });
  assert.equal(
    lastReason(await authorize(t.stripe, s, 1000, { is_amount_controllable: true })),
    "webhook_error",
    "more than requested",
  );
});

test("timeouts and malformed answers fall back to the configured stand-in", async () => {
  answer = approve({ approved: true }, { delayMs: 600 });
  const started = Date.now();
  const late = await authorize(t.stripe, s, 100);
  assert.ok(Date.now() - started < 550, "the sandbox does not wait past its timeout");
  assert.deepEqual([late.approved, lastReason(late)], [false, "webhook_timeout"]);
  await config({ rta_on_timeout: "approve" });
  const lateApproved = await authorize(t.stripe, s, 100);
  assert.deepEqual(
    [lateApproved.approved, lateApproved.status, lastReason(lateApproved)],
    [true, "pending", "webhook_timeout"],
  );
  await config({ rta_on_timeout: "decline" });

  const cases: Array<[Reply, RegExp]> = [
    [{ body: "not json" }, /not valid JSON/],
    [{ body: JSON.stringify({ approved: "yes" }) }, /boolean `approved`/],
    [{ body: JSON.stringify({ approved: true }), version: false }, /Stripe-Version/],
    [{ body: JSON.stringify({ approved: true }), status: 500 }, /HTTP 500/],
  ];
  for (const [reply, message] of cases) {
    answer = () => reply;
    const a = await authorize(t.stripe, s, 100);
    assert.deepEqual([a.approved, lastReason(a)], [false, "webhook_error"], reply.body);
    assert.match(a.request_history[0]?.reason_message ?? "", message);
  }
  await config({ rta_on_error: "approve" });
  answer = () => ({ body: "{" });
  const standIn = await authorize(t.stripe, s, 100);
  assert.deepEqual([standIn.approved, lastReason(standIn)], [true, "webhook_error"]);
  await config({ rta_on_error: "decline" });
});

test("increments ask the endpoint again; funds are re-checked after the answer, atomically with the hold", async () => {
  answer = approve({ approved: true });
  const a = await authorize(t.stripe, s, 1000);
  answer = (e) => ({
    body: JSON.stringify({ approved: (e.data.object as Stripe.Issuing.Authorization).pending_request?.amount === 200 }),
  });
  const inc = await t.stripe.testHelpers.issuing.authorizations.increment(a.id, { increment_amount: 200 }, s.opts);
  assert.deepEqual([inc.amount, inc.request_history.length, lastReason(inc)], [1200, 2, "webhook_approved"]);
  const refused = await t.stripe.testHelpers.issuing.authorizations.increment(a.id, { increment_amount: 300 }, s.opts);
  assert.deepEqual([refused.amount, refused.status, lastReason(refused)], [1200, "pending", "webhook_declined"]);

  // An increment whose authorization is reversed while the endpoint thinks is refused, holding nothing more.
  answer = approve({ approved: true }, { delayMs: 100 });
  const pendingInc = t.stripe.testHelpers.issuing.authorizations.increment(a.id, { increment_amount: 100 }, s.opts);
  await new Promise((r) => setTimeout(r, 30));
  await t.stripe.testHelpers.issuing.authorizations.reverse(a.id, {}, s.opts);
  const late = await pendingInc;
  assert.deepEqual([late.status, late.amount, lastReason(late)], ["reversed", 0, "not_allowed"]);

  // While the endpoint thinks, the money leaves: the approval must not become a hold it cannot cover.
  const available = (await cash()).cash;
  answer = approve({ approved: true }, { delayMs: 100 });
  const racing = authorize(t.stripe, s, available);
  await new Promise((r) => setTimeout(r, 30));
  await t.stripe.testHelpers.treasury.receivedDebits.create(
    { financial_account: s.fa, amount: available, currency: "usd", network: "ach" },
    s.opts,
  );
  const lost = await racing;
  assert.deepEqual([lost.approved, lastReason(lost)], [false, "insufficient_funds"]);
  assert.equal((await cash()).cash, 0);
  assertLedger(t.sandbox.kernel.store);
});

test("real-time requests go to the authorization endpoint only, signed with its own secret; event destinations never get them", async () => {
  const got: Array<{ path: string; type: string; verifiedWith: string | null }> = [];
  const secrets = {
    rta: "whsec_startup_rta_secret",
    snapshot: "whsec_startup_snapshot_secret",
    thin: "whsec_startup_thin_secret",
  };
  const hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["stripe-signature"]);
      const verifiedWith =
        Object.entries(secrets).find(([, secret]) => {
          try {
            verifier.webhooks.signature!.verifyHeader(body, signature, secret);
            return true;
          } catch {
            return false;
          }
        })?.[0] ?? null;
      const event = JSON.parse(body) as { type: string; api_version?: string };
      got.push({ path: req.url ?? "", type: event.type, verifiedWith });
      const rtaReq = event.type === "issuing_authorization.request";
      res
        .writeHead(200, { "content-type": "application/json", "stripe-version": String(event.api_version ?? "") })
        .end(JSON.stringify(rtaReq ? { approved: false } : { received: true }));
    });
  });
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  const receivers = {
    rta: { url: `${base}/rta`, secret: secrets.rta },
    snapshot: { url: `${base}/snapshot`, secret: secrets.snapshot },
    thin: { url: `${base}/thin`, secret: secrets.thin },
  };
  const other = await startTestSandbox({ ...receivers, config: { treasuryActivationDelayMs: 30 } });
  try {
    const o = await fundedCard(other.stripe, 1000);
    const a = await authorize(other.stripe, o, 100);
    assert.equal(lastReason(a), "webhook_declined");
    const requests = got.filter((x) => x.type === "issuing_authorization.request");
    assert.deepEqual(
      requests,
      [{ path: "/rta", type: "issuing_authorization.request", verifiedWith: "rta" }],
      "sent once, synchronously, to the authorization endpoint with its secret",
    );
    const created = await waitForEvent(got, "issuing_authorization.created");
    assert.deepEqual(created, { path: "/snapshot", type: "issuing_authorization.created", verifiedWith: "snapshot" });
    for (const g of got)
      assert.equal(g.verifiedWith, g.path.slice(1), `${g.type} to ${g.path} is signed with that receiver's secret`);
  } finally {
    await other.close();
    hook.closeAllConnections();
    await new Promise((r) => hook.close(r));
  }
  // Without an authorization endpoint nothing is asked: the sandbox decides alone (as Stripe does without one).
  const alone = await startTestSandbox({ snapshot: receivers.snapshot, config: { treasuryActivationDelayMs: 30 } });
  try {
    const before = got.length;
    const o = await fundedCard(alone.stripe, 1000);
    const a = await authorize(alone.stripe, o, 100);
    assert.equal(a.approved, true);
    assert.notEqual(lastReason(a), "webhook_declined");
    assert.equal(got.slice(before).filter((x) => x.type === "issuing_authorization.request").length, 0);
  } finally {
    await alone.close();
  }
});

async function waitForEvent<T extends { type: string }>(list: T[], type: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = list.find((x) => x.type === type);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ${type}`);
}
