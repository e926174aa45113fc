import { expect, test } from "@playwright/test";
import { expectSignedInAs, signIn, uniqueEmail } from "./helpers";
import { pageFrom, signInAnswer, slowedFor, wrongUntilSlowed } from "./throttle";

test("the platform admin lands on the admin console", async ({ page }) => {
  await signIn(page, "admin@platform.test");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Platform overview" })).toBeVisible();
  await expectSignedInAs(page, "admin@platform.test");
  await expect(page.getByTestId("business-count")).toHaveText(/^[1-9]\d*$/);
});

test("the US owner lands on their business dashboard", async ({ page }) => {
  await signIn(page, "owner@us.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("business-name")).toHaveText("Acme Supplies Inc.");
  await expect(page.getByTestId("business-role")).toHaveText(/owner/i);
});

test("the Mexican owner lands on their own business, not the US one", async ({ page }) => {
  await signIn(page, "owner@mx.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("business-name")).toHaveText("Comercial Aurora S.A. de C.V.");
  await expect(page.getByText("USDC wallet")).toBeVisible();
});

test("a wrong password shows an error and keeps the user signed out", async ({ page }) => {
  await signIn(page, "owner@us.test", "not-the-password");
  await expect(page.getByTestId("form-alert")).toHaveText("That email and password don't match an account");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Email")).toHaveValue("owner@us.test");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);
});

test("empty and malformed sign-in input gets messages next to the fields", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator('[data-field-error="email"]')).toHaveText("Enter your email");
  await expect(page.locator('[data-field-error="password"]')).toHaveText("Enter your password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator('[data-field-error="email"]')).toHaveText("Enter a valid email address");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("a business user opening /admin is refused", async ({ page }) => {
  await signIn(page, "owner@us.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByText("Platform overview")).toHaveCount(0);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "owner@us.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a signed-out visitor is sent to sign-in and back to where they were going", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
  await page.getByLabel("Email").fill("admin@platform.test");
  await page.getByLabel("Password").fill("sandbox-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test("repeated failed sign-ins slow the account down, even for the right password, but never lock it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A fresh account from a network of its own, so other tests' sign-ins are unaffected.
  const page = await pageFrom(browser, "192.0.2.21");
  const email = uniqueEmail("limited");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Lim Ited");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("the-right-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await wrongUntilSlowed(page, email, 5);
  const wait = slowedFor(await signInAnswer(page, email, "the-right-password"));
  expect(wait, "the right password waits too").not.toBeNull();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.waitForTimeout(wait! * 1000);
  await signIn(page, email, "the-right-password");
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.context().close();
});
