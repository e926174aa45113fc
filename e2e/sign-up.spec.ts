import { expect, test } from "@playwright/test";
import { expectSignedInAs, uniqueEmail } from "./helpers";

test("bad sign-up input is explained next to each field and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator('[data-field-error="name"]')).toHaveText("Enter your name");
  await expect(page.locator('[data-field-error="email"]')).toHaveText("Enter your email");
  await expect(page.locator('[data-field-error="password"]')).toHaveText("Use at least 10 characters");

  await page.getByLabel("Your name").fill("Rae");
  await page.getByLabel("Work email").fill("rae@@example");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator('[data-field-error="email"]')).toHaveText("Enter a valid email address");
  await expect(page.locator('[data-field-error="password"]')).toHaveText("Use at least 10 characters");
  await expect(page.locator('[data-field-error="name"]')).toHaveCount(0);
  await expect(page.getByLabel("Your name")).toHaveValue("Rae");

  await page.getByLabel("Work email").fill("OWNER@us.test");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator('[data-field-error="email"]')).toHaveText("An account with this email already exists");

  // the existing account is untouched: its owner still signs in with the old password
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@us.test");
  await page.getByLabel("Password").fill("sandbox-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a new user signs up, is signed in, and can sign in again later", async ({ page }) => {
  const email = uniqueEmail("new-user");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Nia New");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("my-new-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expectSignedInAs(page, email);
  await expect(page.getByRole("heading", { name: "Create your business" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("my-new-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  // No business yet: the dashboard sends them to create one.
  await expect(page).toHaveURL(/\/onboarding$/);
});
