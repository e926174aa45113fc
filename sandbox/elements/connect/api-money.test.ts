import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { customAccountParams, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { api, fundedAccount, OWNER, session } from "./test-setup";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 0 } });
});
after(() => t.close());

test("an owner's session reads balances, sends money once per idempotency key, transfers, and lists transactions", async () => {
  const { acct, fa } = await fundedAccount(t.stripe, 100_000);
  const call = api(t.url, await session(t.stripe, acct, OWNER));

  const view = await call("GET", `/financial_accounts/${fa}`);
  assert.equal(view.status, 200);
  assert.equal(view.headers.get("access-control-allow-origin"), "*");
  assert.equal(view.body.balance.cash.usd, 100_000);
  assert.equal(
    view.body.financial_addresses[0]?.aba?.account_number,
    undefined,
    "only the last 4 digits reach the page",
  );

  const body = {
    amount: 2500,
    network: "ach",
    description: "Rent",
    bank_account: { account_holder_name: "Jenny Rosen", routing_number: "110000000", account_number: "000123456789" },
  };
  const headers = { "idempotency-key": "send-1" };
  const sent = await call("POST", `/financial_accounts/${fa}/outbound_payments`, body, headers);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(sent.body.object, "treasury.outbound_payment");
  const again = await call("POST", `/financial_accounts/${fa}/outbound_payments`, body, headers);
  assert.equal(again.body.id, sent.body.id, "a double click sends once");
  const obps = await t.stripe.treasury.outboundPayments.list({ financial_account: fa }, { stripeAccount: acct });
  assert.equal(obps.data.length, 1, "the payment exists through the SDK, once");

  const after = await call("GET", `/financial_accounts/${fa}`);
  assert.equal(after.body.balance.cash.usd, 97_500);
  assert.equal(after.body.balance.outbound_pending.usd, 2500);

  const tooMuch = await call("POST", `/financial_accounts/${fa}/outbound_payments`, { ...body, amount: 10_000_000 });
  assert.equal(tooMuch.status, 400);
  assert.equal(tooMuch.body.error.code, "insufficient_funds");

  const badBank = await call("POST", `/financial_accounts/${fa}/outbound_payments`, {
    ...body,
    bank_account: { ...body.bank_account, routing_number: "12" },
  });
  assert.equal(badBank.status, 400);
  assert.equal(badBank.body.error.param, "bank_account[routing_number]");

  // Transfer balance to the account's own bank account, added through external account collection.
  const added = await call("POST", "/bank_accounts", {
    bank_account: { account_holder_name: "Jenny Rosen", routing_number: "110000000", account_number: "000111222333" },
  });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  const own = await call("GET", "/bank_accounts?own=true");
  const pm = own.body.data[0];
  assert.equal(pm?.last4, "2333");
  const moved = await call("POST", `/financial_accounts/${fa}/outbound_transfers`, {
    amount: 1000,
    destination: pm.id,
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.object, "treasury.outbound_transfer");

  const page1 = await call("GET", `/financial_accounts/${fa}/transactions?limit=2`);
  assert.equal(page1.status, 200);
  assert.equal(page1.body.data.length, 2);
  assert.equal(page1.body.has_more, true);
  const page2 = await call(
    "GET",
    `/financial_accounts/${fa}/transactions?limit=2&starting_after=${page1.body.data[1].id}`,
  );
  assert.equal(page2.body.data.length, 1, "received credit, outbound payment, outbound transfer");
  assertLedger(t.sandbox.kernel.store);
});

test("onboarding: the form lists what is due, errors come back per field, a valid submission fills the requirements", async () => {
  const acct = await t.stripe.accounts.create(customAccountParams);
  const call = api(
    t.url,
    await session(t.stripe, acct.id, { account_onboarding: { enabled: true }, notification_banner: { enabled: true } }),
  );
  const view = await call("GET", "/account");
  assert.equal(view.status, 200);
  const names = (view.body.fields as Array<{ name: string }>).map((f) => f.name);
  for (const n of ["business_type", "first_name", "routing_number", "tos"]) assert.ok(names.includes(n), n);
  const values = Object.fromEntries(
    (view.body.fields as Array<{ name: string; value: string }>).map((f) => [f.name, f.value]),
  );
  const bad = await call("POST", "/account/requirements", { values: { ...values, ssn_last_4: "12", tos: "" } });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ["ssn_last_4", "tos"]);
  const ok = await call("POST", "/account/requirements", { values });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(ok.body.requirements.currently_due, []);
  const account = await t.stripe.accounts.retrieve(acct.id);
  assert.equal(account.individual?.first_name, "Jenny");
  assert.equal(account.external_accounts?.data.length, 1);
});
