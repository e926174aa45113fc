import { expect, test } from "@playwright/test";
import Stripe from "stripe";

// Drives the sandbox's hosted onboarding page (what an Account Link opens) in a real browser.
const sandboxUrl = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111");
const stripe = new Stripe("sk_test_e2e_onboarding", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
});

test("an Account Link's hosted page collects requirements and the capabilities become active", async ({
  page,
  baseURL,
}) => {
  const account = await stripe.accounts.create({
    country: "US",
    controller: {
      stripe_dashboard: { type: "none" },
      fees: { payer: "application" },
      losses: { payments: "application" },
      requirement_collection: "application",
    },
    capabilities: {
      transfers: { requested: true },
      card_issuing: { requested: true },
      treasury: { requested: true },
      us_bank_account_ach_payments: { requested: true },
    },
  });
  expect(account.capabilities?.card_issuing).toBe("inactive");
  expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);

  const returnUrl = `${baseURL}/sign-in?onboarding=done`;
  const link = await stripe.accountLinks.create({
    account: account.id,
    type: "account_onboarding",
    refresh_url: `${baseURL}/sign-in?onboarding=refresh`,
    return_url: returnUrl,
  });

  await page.goto(link.url);
  await expect(page.getByRole("heading", { name: "Set up your account" })).toBeVisible();
  // Prefilled with Stripe's test values a user can change.
  const firstName = page.getByLabel("First name");
  await expect(firstName).toHaveValue("Jenny");

  // A bad value is explained next to its field, and nothing is saved.
  await page.getByLabel("Postal code").fill("ABC");
  await firstName.fill("");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Enter a 5-digit ZIP code.").first()).toBeVisible();
  await expect(page.getByText("Enter a first name.").first()).toBeVisible();
  expect((await stripe.accounts.retrieve(account.id)).individual?.first_name ?? null).toBeNull();

  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Postal code").fill("94111");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(returnUrl);

  await expect
    .poll(async () => (await stripe.accounts.retrieve(account.id)).capabilities, { timeout: 15_000 })
    .toMatchObject({ card_issuing: "active", treasury: "active", transfers: "active" });
  const done = await stripe.accounts.retrieve(account.id);
  expect(done.individual?.first_name).toBe("Ada");
  expect(done.requirements?.currently_due).toEqual([]);

  // The link is single-use: opening it again goes to refresh_url.
  await page.goto(link.url);
  await expect(page).toHaveURL(/onboarding=refresh/);
});
