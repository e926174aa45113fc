import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { api, fundedAccount, MEMBER, OWNER, session } from "./test-setup";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 0 } });
});
after(() => t.close());

const bank = { account_holder_name: "Jenny Rosen", routing_number: "110000000", account_number: "000123456789" };

test("a session reads only its own account's objects: another account's financial account is a 404", async () => {
  const a = await fundedAccount(t.stripe);
  const b = await fundedAccount(t.stripe);
  const call = api(t.url, await session(t.stripe, a.acct, OWNER));
  assert.equal((await call("GET", `/financial_accounts/${a.fa}`)).status, 200);
  const other = await call("GET", `/financial_accounts/${b.fa}`);
  assert.equal(other.status, 404);
  assert.equal(other.body.error.type, "invalid_request_error");
  assert.equal((await call("GET", `/financial_accounts/${b.fa}/transactions`)).status, 404);
  const steal = await call("POST", `/financial_accounts/${b.fa}/outbound_payments`, {
    amount: 100,
    bank_account: bank,
  });
  assert.equal(steal.status, 404, "sending from another account's FA is refused");
  assert.equal(
    (await call("GET", "/financial_accounts/../../v1/accounts")).status,
    404,
    "no way out of the API's prefix",
  );
  const bal = await t.stripe.treasury.financialAccounts.retrieve(b.fa, {}, { stripeAccount: b.acct });
  assert.equal(bal.balance.cash.usd, 100_000);
});

test("a member's session is refused (403) when it crafts the requests its page does not offer", async () => {
  const { acct, fa } = await fundedAccount(t.stripe);
  const call = api(t.url, await session(t.stripe, acct, MEMBER));
  assert.equal((await call("GET", `/financial_accounts/${fa}`)).status, 200, "it may look");
  const send = await call("POST", `/financial_accounts/${fa}/outbound_payments`, { amount: 100, bank_account: bank });
  assert.equal(send.status, 403);
  assert.equal(send.body.error.type, "permission_error");
  assert.match(send.body.error.message, /send_money/);
  assert.equal(
    (await call("POST", `/financial_accounts/${fa}/outbound_transfers`, { amount: 100, destination: fa })).status,
    403,
  );
  assert.equal((await call("POST", "/issuing/cards", { cardholder: "ich_123" })).status, 403);
  assert.equal((await call("POST", "/issuing/cardholders", { first_name: "A", last_name: "B" })).status, 403);
  assert.equal((await call("POST", "/issuing/cards/ic_123/status", { status: "canceled" })).status, 403);
  assert.equal((await call("POST", "/issuing/cards/ic_123/spending_controls", { spending_limits: [] })).status, 403);
  assert.equal(
    (await call("POST", "/account/requirements", { values: {} })).status,
    200,
    "the banner may collect requirements (nothing is due)",
  );
  const obps = await t.stripe.treasury.outboundPayments.list({ financial_account: fa }, { stripeAccount: acct });
  assert.equal(obps.data.length, 0, "nothing moved");
  const onlyBanner = api(t.url, await session(t.stripe, acct, { notification_banner: { enabled: true } }));
  assert.equal(
    (await onlyBanner("GET", `/financial_accounts/${fa}`)).status,
    403,
    "a component not in the session is refused",
  );
});

test("secrets: missing or unknown → 401; expired after an hour on the sandbox clock → 401 authentication_error", async () => {
  const { acct, fa } = await fundedAccount(t.stripe, 0);
  const noAuth = await fetch(`${t.url}/connect/api/financial_accounts/${fa}`);
  assert.equal(noAuth.status, 401);
  assert.equal((await api(t.url, "accs_secret__nope")("GET", "/session")).status, 401);
  const secret = await session(t.stripe, acct, OWNER);
  const call = api(t.url, secret);
  assert.equal((await call("GET", "/session")).status, 200);
  const clock = await fetch(`${t.url}/_sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advance_seconds: 3601 }),
  });
  assert.equal(clock.status, 200);
  const expired = await call("GET", `/financial_accounts/${fa}`);
  assert.equal(expired.status, 401);
  assert.equal(expired.body.error.type, "authentication_error");
  assert.equal(expired.headers.get("access-control-allow-origin"), "*", "the page can read the refusal");
  assert.equal(
    (await api(t.url, await session(t.stripe, acct, OWNER))("GET", `/financial_accounts/${fa}`)).status,
    200,
    "a fresh secret works",
  );
});

test("CORS: preflight is answered for any origin with the headers connect.js sends", async () => {
  const res = await fetch(`${t.url}/connect/api/financial_accounts/fa_x/outbound_payments`, {
    method: "OPTIONS",
    headers: {
      origin: "http://localhost:3000",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,idempotency-key",
    },
  });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
  assert.match(res.headers.get("access-control-allow-headers") ?? "", /authorization.*content-type.*idempotency-key/);
  assert.match(res.headers.get("access-control-allow-methods") ?? "", /POST/);
});
