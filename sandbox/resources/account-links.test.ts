import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import Stripe from "stripe";
import { customAccountParams, startTestSandbox, type TestSandbox } from "../test-helpers";
import { onboardingLink, PREVIEW_REQUEST as PREVIEW, type Obj as V2 } from "./money-management/fixtures";

const run = promisify(execFile);
let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { verificationDelayMs: 20 } });
});
after(() => t.close());

/** Runs curl exactly as in Stripe's docs, with only the host replaced. */
async function curl(args: string[]): Promise<Record<string, unknown>> {
  const replaced = args.map((a) => a.replace("https://api.stripe.com", t.url));
  const { stdout } = await run("curl", ["-sS", ...replaced]);
  return JSON.parse(stdout) as Record<string, unknown>;
}

test("Stripe's curl examples: a Custom account with controller settings, an update, an Account Link", async () => {
  const account = await curl([
    "https://api.stripe.com/v1/accounts",
    "-u",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc:",
    "-d",
    "country=US",
    "-d",
    "email=jenny.rosen@example.com",
    "-d",
    "controller[fees][payer]=application",
    "-d",
    "controller[losses][payments]=application",
    "-d",
    "controller[requirement_collection]=application",
    "-d",
    "controller[stripe_dashboard][type]=none",
    "-d",
    "capabilities[card_payments][requested]=true",
    "-d",
    "capabilities[transfers][requested]=true",
  ]);
  assert.equal(account.object, "account");
  assert.match(String(account.id), /^acct_/);
  assert.deepEqual(account.capabilities, { card_payments: "inactive", transfers: "inactive" });
  assert.equal((account.controller as Stripe.Account.Controller).requirement_collection, "application");

  const updated = await curl([
    `https://api.stripe.com/v1/accounts/${String(account.id)}`,
    "-u",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc:",
    "-d",
    "capabilities[card_issuing][requested]=true",
    "-d",
    "capabilities[treasury][requested]=true",
    "-d",
    "capabilities[us_bank_account_ach_payments][requested]=true",
  ]);
  assert.deepEqual(Object.keys(updated.capabilities as object).sort(), [
    "card_issuing",
    "card_payments",
    "transfers",
    "treasury",
    "us_bank_account_ach_payments",
  ]);

  const link = await curl([
    "https://api.stripe.com/v1/account_links",
    "-u",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc:",
    "-d",
    `account=${String(account.id)}`,
    "--data-urlencode",
    "refresh_url=https://example.com/reauth",
    "--data-urlencode",
    "return_url=https://example.com/return",
    "-d",
    "type=account_onboarding",
  ]);
  assert.equal(link.object, "account_link");
  assert.equal(Number(link.expires_at) - Number(link.created), 300);
  assert.ok(String(link.url).startsWith(`${t.url}/setup/s/${String(account.id)}/`));
});

test("the hosted page validates, fills requirements, activates capabilities and redirects; links are single use", async () => {
  const a = await t.stripe.accounts.create(customAccountParams);
  const link = await t.stripe.accountLinks.create({
    account: a.id,
    type: "account_onboarding",
    refresh_url: "https://example.com/reauth",
    return_url: "https://example.com/return",
  });
  const page = await fetch(link.url, { redirect: "manual" });
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<label for="f-first_name">First name<\/label>/);
  assert.match(html, /name="first_name" value="Jenny"/);
  assert.match(html, /name="tos_card_issuing"/);
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/name="([a-z_0-9]+)" value="([^"]*)"/g)) values[m[1] ?? ""] = m[2] ?? "";
  for (const m of html.matchAll(/<input type="checkbox" id="[^"]+" name="([a-z_]+)"/g)) values[m[1] ?? ""] = "on";
  values.business_type = "individual";
  const post = (v: Record<string, string>) =>
    fetch(link.url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(v).toString(),
    });

  const bad = await post({ ...values, ssn_last_4: "12", tos: "" });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(
    badHtml,
    /id="f-ssn_last_4" name="ssn_last_4" value="12" required aria-describedby="f-ssn_last_4-error" aria-invalid="true"/,
  );
  assert.match(badHtml, /<p class="error" id="f-ssn_last_4-error">Enter exactly 4 digits.<\/p>/);
  assert.match(badHtml, /role="alert"/);
  assert.equal((await t.stripe.accounts.retrieve(a.id)).business_type, null, "nothing saved from an invalid form");

  const ok = await post(values);
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get("location"), "https://example.com/return");
  const start = Date.now();
  let acct = await t.stripe.accounts.retrieve(a.id);
  while (acct.capabilities?.card_issuing !== "active" && Date.now() - start < 3000) {
    await new Promise((r) => setTimeout(r, 25));
    acct = await t.stripe.accounts.retrieve(a.id);
  }
  assert.deepEqual(acct.capabilities, {
    card_issuing: "active",
    transfers: "active",
    treasury: "active",
    us_bank_account_ach_payments: "active",
  });
  assert.equal(acct.individual?.first_name, "Jenny");
  assert.equal(acct.tos_acceptance?.ip, "127.0.0.1");
  assert.deepEqual(acct.requirements?.currently_due, []);

  const reused = await fetch(link.url, { redirect: "manual" });
  assert.equal(reused.status, 302);
  assert.equal(reused.headers.get("location"), "https://example.com/reauth");
});

test("an expired link goes to refresh_url; bad links are refused by the API", async () => {
  const a = await t.stripe.accounts.create(customAccountParams);
  const link = await t.stripe.accountLinks.create({
    account: a.id,
    type: "account_onboarding",
    refresh_url: "https://example.com/reauth",
  });
  await fetch(`${t.url}/_sandbox/clock`, { method: "POST", body: JSON.stringify({ advance_seconds: 301 }) });
  const res = await fetch(link.url, { redirect: "manual" });
  assert.equal(res.status, 302);
  assert.equal(res.headers.get("location"), "https://example.com/reauth");
  await assert.rejects(
    t.stripe.accountLinks.create({ account: "acct_nope", type: "account_onboarding" }),
    (e: Stripe.errors.StripeError) => e.code === "resource_missing" && e.param === "account",
  );
  const express = await t.stripe.accounts.create({ type: "express" });
  await assert.rejects(
    t.stripe.accountLinks.create({ account: express.id, type: "account_update" }),
    (e: Stripe.errors.StripeError) => e.param === "type",
  );
});

const mexican = {
  contact_email: "ops@tienda.mx",
  display_name: "Tienda Links",
  dashboard: "none",
  identity: { country: "mx", entity_type: "company" },
  defaults: { currency: "usd", responsibilities: { fees_collector: "application", losses_collector: "application" } },
  configuration: {
    merchant: { capabilities: { card_payments: { requested: true } } },
    storer: { capabilities: { holds_currencies: { usdc: { requested: true } } } },
    card_creator: { capabilities: { commercial: { lead: { prepaid_card: { requested: true } } } } },
  },
};

test("v2 accounts onboard through /v2/core/account_links (the same hosted page); a v1 Account Link for a storer/card_creator account is refused", async () => {
  const acct = (await t.stripe.rawRequest("POST", "/v2/core/accounts", mexican, PREVIEW)) as V2;
  const v1 = await t.stripe.accountLinks
    .create({
      account: acct.id,
      type: "account_onboarding",
      refresh_url: "https://example.com/reauth",
      return_url: "https://example.com/return",
    })
    .catch((e: Stripe.errors.StripeError) => e);
  const e = v1 as Stripe.errors.StripeError;
  assert.ok(e instanceof Stripe.errors.StripeInvalidRequestError);
  assert.deepEqual([e.statusCode, e.param], [400, "account"]);
  assert.match(e.message, /storer and card_creator configurations.*POST \/v2\/core\/account_links/);

  const link = (await t.stripe.rawRequest("POST", "/v2/core/account_links", onboardingLink(acct.id), PREVIEW)) as V2;
  assert.equal(link.object, "v2.core.account_link");
  assert.equal(link.account, acct.id);
  assert.equal(Date.parse(link.expires_at) - Date.parse(link.created), 300_000);
  assert.deepEqual(link.use_case, {
    type: "account_onboarding",
    account_onboarding: {
      configurations: ["merchant", "storer"],
      refresh_url: "https://example.com/reauth",
      return_url: "https://example.com/return",
    },
  });
  assert.ok(String(link.url).startsWith(`${t.url}/setup/s/${String(acct.id)}/`));

  const page = await fetch(link.url, { redirect: "manual" });
  assert.equal(page.status, 200);
  const html = await page.text();
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/name="([a-z_0-9]+)" value="([^"]*)"/g)) values[m[1] ?? ""] = m[2] ?? "";
  for (const m of html.matchAll(/<input type="checkbox" id="[^"]+" name="([a-z_]+)"/g)) values[m[1] ?? ""] = "on";
  const done = await fetch(link.url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values).toString(),
  });
  assert.equal(done.status, 303, await done.clone().text());
  assert.equal(done.headers.get("location"), "https://example.com/return");
  const after = (await t.stripe.rawRequest(
    "GET",
    `/v2/core/accounts/${String(acct.id)}?include[0]=requirements&include[1]=configuration.storer`,
    {},
    PREVIEW,
  )) as V2;
  assert.deepEqual(after.requirements.entries, [], "the page filled what the configurations need");
  const again = await fetch(link.url, { redirect: "manual" });
  assert.equal(again.headers.get("location"), "https://example.com/reauth", "single use, like v1 links");
});

test("v2 account links: the use case's hash must match its type, and name configurations the account has", async () => {
  const acct = (await t.stripe.rawRequest("POST", "/v2/core/accounts", mexican, PREVIEW)) as V2;
  const create = (useCase: Record<string, unknown>) =>
    t.stripe
      .rawRequest("POST", "/v2/core/account_links", { account: acct.id, use_case: useCase }, PREVIEW)
      .catch((e: Stripe.errors.StripeError) => e);
  const body = { configurations: ["storer"], refresh_url: "https://example.com/reauth" };
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ type: "account_onboarding" }, "use_case.account_onboarding"],
    [{ type: "account_onboarding", account_onboarding: body, account_update: body }, "use_case.account_update"],
    [
      { type: "account_onboarding", account_onboarding: { ...body, configurations: ["recipient"] } },
      "use_case.account_onboarding.configurations",
    ],
    [
      { type: "account_onboarding", account_onboarding: { ...body, configurations: ["card_creator"] } },
      "use_case.account_onboarding.configurations.0",
    ],
    [
      { type: "account_onboarding", account_onboarding: { configurations: ["storer"] } },
      "use_case.account_onboarding.refresh_url",
    ],
    [
      { type: "account_onboarding", account_onboarding: { ...body, refresh_url: "not a url" } },
      "use_case.account_onboarding.refresh_url",
    ],
  ];
  for (const [useCase, param] of cases) {
    const e = (await create(useCase)) as Stripe.errors.StripeError;
    assert.ok(e instanceof Stripe.errors.StripeInvalidRequestError, JSON.stringify(useCase));
    assert.equal(e.param, param, JSON.stringify(useCase));
  }
  const missing = (await t.stripe
    .rawRequest(
      "POST",
      "/v2/core/account_links",
      { account: "acct_nope", use_case: { type: "account_update", account_update: body } },
      PREVIEW,
    )
    .catch((x: Stripe.errors.StripeError) => x)) as Stripe.errors.StripeError;
  assert.equal(missing.param, "account");
  const update = (await create({ type: "account_update", account_update: body })) as V2;
  assert.equal(update.use_case.type, "account_update");
});
