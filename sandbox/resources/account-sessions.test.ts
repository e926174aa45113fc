import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { customAccountParams, startTestSandbox, type TestSandbox } from "../test-helpers";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());

test("account sessions echo every component, apply features and defaults, and return a client secret", async () => {
  const a = await t.stripe.accounts.create(customAccountParams);
  const s = await t.stripe.accountSessions.create({
    account: a.id,
    components: {
      financial_account: {
        enabled: true,
        features: { send_money: false, external_account_collection: false, disable_stripe_user_authentication: true },
      },
      issuing_cards_list: { enabled: true, features: { card_management: true, spend_control_management: true } },
      account_onboarding: { enabled: true },
    },
  });
  assert.equal(s.object, "account_session");
  assert.equal(s.account, a.id);
  assert.match(s.client_secret, /^accs_secret__[A-Za-z0-9]{20,}$/);
  assert.ok(s.expires_at > Math.floor(Date.now() / 1000) + 1800);
  assert.deepEqual(s.components.financial_account, {
    enabled: true,
    features: {
      disable_stripe_user_authentication: true,
      external_account_collection: false,
      send_money: false,
      transfer_balance: true,
    },
  });
  assert.equal(s.components.issuing_cards_list.features.card_management, true);
  assert.equal(s.components.issuing_cards_list.features.cardholder_management, false);
  assert.deepEqual(s.components.account_onboarding, {
    enabled: true,
    features: { disable_stripe_user_authentication: false, external_account_collection: true },
  });
  assert.equal(s.components.payments.enabled, false);
  assert.equal(Object.keys(s.components).length, 25);
});

test("account sessions validate components, features and who collects requirements", async () => {
  const custom = await t.stripe.accounts.create(customAccountParams);
  const standard = await t.stripe.accounts.create({ country: "US" });
  await assert.rejects(
    t.stripe.accountSessions.create({
      account: standard.id,
      components: { issuing_cards_list: { enabled: true, features: { disable_stripe_user_authentication: true } } },
    }),
    (e: Stripe.errors.StripeError) =>
      e.statusCode === 400 &&
      e.param === "components[issuing_cards_list][features][disable_stripe_user_authentication]",
  );
  await assert.rejects(
    t.stripe.accountSessions.create({
      account: custom.id,
      components: {
        issuing_card: { enabled: true, features: { disable_stripe_user_authentication: true } },
      } as Stripe.AccountSessionCreateParams.Components,
    }),
    (e: Stripe.errors.StripeError) =>
      e.code === "parameter_unknown" &&
      e.param === "components[issuing_card][features][disable_stripe_user_authentication]",
  );
  await assert.rejects(
    t.stripe.accountSessions.create({
      account: custom.id,
      components: { wallet: { enabled: true } } as Stripe.AccountSessionCreateParams.Components,
    }),
    (e: Stripe.errors.StripeError) => e.param === "components[wallet]",
  );
  await assert.rejects(
    t.stripe.accountSessions.create({ account: "acct_missing", components: { documents: { enabled: true } } }),
    (e: Stripe.errors.StripeError) => e.code === "resource_missing",
  );
});
