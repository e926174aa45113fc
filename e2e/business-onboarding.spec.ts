import { expect, test } from "@playwright/test";
import { expectSignedInAs, uniqueEmail } from "./helpers";

async function signUp(page: import("@playwright/test").Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Fran Founder");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("founder-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
}

test("a new US business is created, verified through Stripe's hosted onboarding, and becomes active", async ({
  page,
}) => {
  const email = uniqueEmail("founder-us");
  await signUp(page, email);

  // Bad input is explained on the form and creates nothing.
  await page.getByRole("button", { name: "Continue to verification" }).click();
  await expect(page.locator('[data-field-error="legalName"]')).toHaveText("Enter the legal name");
  await expect(page.locator('[data-field-error="country"]')).toHaveText("Choose a country");

  await page.getByLabel("Legal business name").fill("Founders Hardware LLC");
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Business type").selectOption("company");
  await page.getByRole("button", { name: "Continue to verification" }).click();

  // The sandbox's hosted onboarding page, prefilled with test values.
  await expect(page.getByRole("heading", { name: "Set up your account" })).toBeVisible();
  await page.getByRole("button", { name: "Submit" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expectSignedInAs(page, email);
  await expect(page.getByTestId("business-name")).toHaveText("Founders Hardware LLC");
  // Verification finishes moments later; then the status card disappears.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("onboarding-status")).toHaveCount(0);
  }).toPass({ timeout: 15_000 });
});

test("a new Mexican business gets a USDC wallet account and can resume verification later", async ({ page }) => {
  await signUp(page, uniqueEmail("founder-mx"));
  await page.getByLabel("Legal business name").fill("Papelería Lupita");
  await page.getByLabel("Country").selectOption("MX");
  await page.getByRole("button", { name: "Continue to verification" }).click();
  await expect(page.getByRole("heading", { name: "Set up your account" })).toBeVisible();

  // The user leaves without finishing: the dashboard says what is due and offers to continue.
  await page.goto("/dashboard");
  await expect(page.getByText("USDC wallet")).toBeVisible();
  const status = page.getByTestId("onboarding-status");
  await expect(status).toHaveAttribute("data-status", "needs_details");
  await status.getByRole("button", { name: "Continue verification" }).click();
  await expect(page.getByRole("heading", { name: "Set up your account" })).toBeVisible();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("onboarding-status")).toHaveCount(0);
  }).toPass({ timeout: 15_000 });
});
