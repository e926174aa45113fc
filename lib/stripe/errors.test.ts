import { test } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { stripeFailure } from "./errors";

const SECRET = "ledger holder fa_123 short by 5000";

function quietly<T>(fn: () => T): T {
  const log = console.error;
  console.error = () => {}; // the mapper logs Stripe's own words server-side; expected here
  try {
    return fn();
  } finally {
    console.error = log;
  }
}

test("a refusal is definitive, names the operation's amount in its currency, and never repeats Stripe's text", () => {
  const err = new Stripe.errors.StripeInvalidRequestError({
    statusCode: 400,
    type: "insufficient_funds",
    message: SECRET,
  });
  const { result, definitive } = quietly(() => stripeFailure(err, { amount: 10_000, currency: "usd" }));
  assert.equal(definitive, true);
  assert.equal(result.error.code, "insufficient_funds");
  assert.equal(result.error.fields?.amount, "Not enough available balance to send $100.00");
  assert.doesNotMatch(JSON.stringify(result), /ledger holder/);
});

test("a param we know puts our message next to its field", () => {
  const err = new Stripe.errors.StripeInvalidRequestError({
    statusCode: 400,
    type: "invalid_request_error",
    code: "parameter_invalid",
    param: "payout_method_data.bank_account.routing_number",
    message: SECRET,
  });
  const { result, definitive } = quietly(() =>
    stripeFailure(err, { fieldFor: (p) => (p.endsWith("routing_number") ? "routingNumber" : null) }),
  );
  assert.equal(definitive, true);
  assert.deepEqual(result.error.fields, { routingNumber: "This value wasn't accepted. Check it and try again" });
  assert.doesNotMatch(JSON.stringify(result), /ledger holder/);
});

test("a lost connection, a 5xx and a 409 for a key in use are unknown outcomes, not refusals", () => {
  const unknown = [
    new Stripe.errors.StripeConnectionError({ message: "socket hang up" }),
    new Stripe.errors.StripeAPIError({ statusCode: 500, message: SECRET }),
    new Stripe.errors.StripeIdempotencyError({ statusCode: 409, code: "idempotency_key_in_use", message: SECRET }),
    new Error("ECONNRESET"),
  ];
  for (const err of unknown) {
    const { result, definitive } = quietly(() => stripeFailure(err));
    assert.equal(definitive, false, String(err));
    assert.equal(result.error.code, "stripe_unavailable");
    assert.doesNotMatch(JSON.stringify(result), /ledger holder/);
  }
});

test("a v1 refusal is read from its code under the generic type: a payout above the balance says so next to the amount", () => {
  const err = new Stripe.errors.StripeInvalidRequestError({
    statusCode: 400,
    type: "invalid_request_error",
    code: "balance_insufficient",
    param: "amount",
    message: SECRET,
  });
  const { result, definitive } = quietly(() => stripeFailure(err, { amount: 50_000, currency: "gbp" }));
  assert.equal(definitive, true);
  assert.equal(result.error.code, "insufficient_funds");
  assert.equal(result.error.fields?.amount, "Not enough available balance to send £500.00");
});
