import { test } from "node:test";
import assert from "node:assert/strict";
import { parseForm } from "../wire/form";
import { endpointFor } from "./index";
import { coerceParams } from "./coerce";

const form = (method: string, path: string, body: string) => {
  const e = endpointFor(method, path);
  assert.ok(e, `${method} ${path} is in the contract`);
  return coerceParams(parseForm(body), e.params, "v1", `${method} ${path.replace(/:[^/]+/g, "{}")}`);
};
const fails = (fn: () => unknown, code: string, param: string) =>
  assert.throws(
    fn,
    (e: { error: { code: string; param: string } }) => e.error.code === code && e.error.param === param,
  );

test("v1 forms are typed by the SDK's declaration: integers, booleans, indexed arrays, '' unsets only what is Emptyable", () => {
  const card = form(
    "POST",
    "/v1/issuing/cards",
    "currency=usd&type=virtual&exp_month=12&spending_controls[spending_limits][0][amount]=5000&spending_controls[spending_limits][0][interval]=daily&second_line=&metadata[k]=",
  );
  assert.deepEqual(card, {
    currency: "usd",
    type: "virtual",
    exp_month: 12,
    spending_controls: { spending_limits: [{ amount: 5000, interval: "daily" }] },
    second_line: null,
    metadata: { k: null },
  });
  assert.deepEqual(form("GET", "/v1/issuing/cards", "limit=3&created[gte]=10&expand[0]=data.cardholder"), {
    limit: 3,
    created: { gte: 10 },
    expand: ["data.cardholder"],
  });
  assert.deepEqual(form("POST", "/v1/setup_intents", "attach_to_self=true"), { attach_to_self: true });
});

test("what the SDK does not declare is refused the way Stripe refuses it", () => {
  fails(() => form("POST", "/v1/issuing/cards", "currency=usd&type=virtual&colour=red"), "parameter_unknown", "colour");
  fails(() => form("POST", "/v1/issuing/cards", "type=virtual"), "parameter_missing", "currency");
  fails(() => form("POST", "/v1/issuing/cards", "currency=usd&type=sideways"), "parameter_invalid_string", "type");
  fails(
    () => form("POST", "/v1/issuing/cards", "currency=usd&type=virtual&exp_month=twelve"),
    "parameter_invalid_integer",
    "exp_month",
  );
  fails(
    () => form("POST", "/v1/issuing/cards", "currency=usd&type=virtual&exp_month=12.5"),
    "parameter_invalid_integer",
    "exp_month",
  );
  fails(() => form("POST", "/v1/issuing/cards", "currency=&type=virtual"), "parameter_invalid_empty", "currency");
  fails(
    () => form("POST", "/v1/setup_intents", "payment_method_types[0]=us_bank_account"),
    "parameter_unknown",
    "payment_method_types",
  );
  fails(
    () => form("POST", "/v1/issuing/cardholders/:id", "individual[first_name]="),
    "parameter_invalid_empty",
    "individual[first_name]",
  );
});

test("value rules the types cannot carry: ranges, lengths and list limits", () => {
  fails(
    () => form("POST", "/v1/issuing/cards", "currency=usd&type=virtual&exp_month=13"),
    "parameter_invalid_integer",
    "exp_month",
  );
  fails(() => form("GET", "/v1/issuing/cards", "limit=101"), "parameter_invalid_integer", "limit");
  fails(
    () => form("POST", "/v1/issuing/cards", `currency=usd&type=virtual&metadata[k]=${"x".repeat(501)}`),
    "parameter_invalid_string",
    "metadata[k]",
  );
});

test("the preview table adds what the guides document and no SDK types", () => {
  assert.deepEqual(form("POST", "/v1/issuing/cards", "currency=usd&type=virtual&financial_account_v2=fa_test_1"), {
    currency: "usd",
    type: "virtual",
    financial_account_v2: "fa_test_1",
  });
  const holder = form(
    "POST",
    "/v1/issuing/cardholders",
    "name=J&billing[address][line1]=a&billing[address][city]=b&billing[address][postal_code]=1&billing[address][country]=MX&individual[user_terms_acceptance][lead][date]=1470266163&individual[user_terms_acceptance][lead][ip]=91.121.146.224",
  );
  assert.deepEqual((holder.individual as Record<string, unknown>).user_terms_acceptance, {
    lead: { date: 1470266163, ip: "91.121.146.224" },
  });
  fails(
    () => form("POST", "/v1/issuing/cardholders", "name=J&individual[user_terms_acceptance][celtic][date]=1"),
    "parameter_unknown",
    "individual[user_terms_acceptance][celtic]",
  );
});

test("v2 bodies are JSON at the preview version; pages carry `page`", () => {
  const e = endpointFor("POST", "/v2/money_management/outbound_setup_intents");
  assert.ok(e);
  const body = {
    payout_method_data: { type: "crypto_wallet", crypto_wallet: { address: "0xabc", network: "polygon" } },
  };
  assert.deepEqual(coerceParams(body, e.params, "v2", "POST /v2/money_management/outbound_setup_intents"), body);
  fails(
    () =>
      coerceParams(
        { payout_method_data: { type: "crypto_wallet", crypto_wallet: { address: "0xabc", network: "bitcoin" } } },
        e.params,
        "v2",
        "x",
      ),
    "parameter_invalid_string",
    "payout_method_data.crypto_wallet.network",
  );
  const list = endpointFor("GET", "/v2/core/accounts");
  assert.ok(list?.list);
  assert.deepEqual(coerceParams({ page: "tok", limit: "2" }, list.params, "v2", "GET /v2/core/accounts", true), {
    limit: 2,
    page: "tok",
  });
  fails(
    () => coerceParams({ page: "tok" }, list.params, "v2", "GET /v2/core/accounts", false),
    "parameter_unknown",
    "page",
  );
});
