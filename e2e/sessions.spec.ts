// Sessions that end when access does, and the password asked again before money moves.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedInAs, signIn, uniqueEmail } from "./helpers";

const PASSWORD = "sessions-password-1";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Sam Sessions");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
}

const rows = (page: Page) => page.getByTestId("session-row");

// Two or three browsers and several sign-ins each (scrypt) on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test("two browsers: each is listed, one ends the other's session, then signs out everywhere", async ({ browser }) => {
  const email = uniqueEmail("sessions");
  const a = await newPage(browser);
  await signUp(a, email);
  const b = await newPage(browser);
  await signIn(b, email, PASSWORD);
  await expect(b).toHaveURL(/\/onboarding$/);

  await a.goto("/account/sessions");
  await expect(rows(a)).toHaveCount(2);
  await expect(rows(a).filter({ hasText: "This browser" })).toHaveCount(1);
  await expect(rows(a).first()).toContainText("Chrome on Linux");

  // A ends B's session: B is signed out on its next request, and told why.
  const other = a.locator('[data-testid="session-row"][data-current="no"]');
  await other.getByRole("button", { name: "End session" }).click();
  await other.getByRole("button", { name: "End session" }).last().click();
  await expect(rows(a)).toHaveCount(1);
  await b.goto("/account");
  await expect(b).toHaveURL(/\/sign-in\?ended=1$/);
  await expect(b.getByText("Your session has ended. Sign in again.")).toBeVisible();

  // Signing out ends the session at the server: the cookie kept from before no longer works.
  await signIn(b, email, PASSWORD);
  await expect(b).toHaveURL(/\/onboarding$/);
  const kept = await b.context().storageState();
  await b.getByRole("button", { name: "Sign out" }).click();
  await expect(b).toHaveURL(/\/sign-in$/);
  const replay = await (await browser.newContext({ storageState: kept })).newPage();
  await replay.goto("/account");
  await expect(replay).toHaveURL(/\/sign-in/);

  // Sign out everywhere, this browser too.
  await signIn(b, email, PASSWORD);
  await expect(b).toHaveURL(/\/onboarding$/);
  await a.goto("/account/sessions");
  await expect(rows(a)).toHaveCount(2);
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await a.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/\/sign-in$/);
  await b.goto("/account/sessions");
  await expect(b).toHaveURL(/\/sign-in/);
});

test("a newly made platform admin's next request lands in the admin console", async ({ browser }) => {
  const email = uniqueEmail("new-admin");
  const person = await newPage(browser);
  await signUp(person, email);

  const admin = await newPage(browser);
  await signIn(admin, "admin@platform.test");
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/admins");
  await admin.getByLabel("Colleague's email").fill(email);
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();

  await person.goto(link);
  await person.getByRole("button", { name: "Accept and open the admin console" }).click();
  await expect(person).toHaveURL(/\/admin$/);
  // The session cookie was made before the promotion: home still follows the database.
  await person.goto("/");
  await expect(person).toHaveURL(/\/admin$/);
  await expectSignedInAs(person, email);
});

test("a payout asks for the password again when the last proof is old, and goes once it is given", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page, "owner@uk.test");
  await expect(page).toHaveURL(/\/dashboard$/);

  // Signed in a moment ago: no question. Sandbox mode can age the proof instead of waiting five minutes.
  await page.goto("/account/sessions");
  await page.getByRole("button", { name: "Ask for my password next time" }).click();
  await page.getByRole("button", { name: "Ask next time" }).click();
  await expect(page.getByTestId("toast")).toHaveText("The next sensitive action will ask for your password.");

  await page.goto("/balance");
  const before = await page.getByTestId("balance-available").innerText();
  const payOut = page.getByRole("form", { name: "Pay out to your bank" });
  await payOut.getByLabel("Amount (GBP)").fill("1.00");
  await payOut.getByRole("button", { name: "Review payout" }).click();
  await payOut.getByRole("button", { name: "Confirm payout" }).click();

  const ask = page.getByRole("alertdialog", { name: "Confirm it's you" });
  await expect(ask).toBeVisible();
  await expect(ask.getByLabel("Password")).toBeFocused();
  await ask.getByLabel("Password").fill("not-my-password");
  await ask.getByRole("button", { name: "Confirm" }).click();
  await expect(ask.locator('[data-field-error="password"]')).toHaveText("That isn't your password or a current code");
  await expect(page.getByTestId("payout-result")).toHaveCount(0);

  await ask.getByLabel("Password").fill(DEMO_PASSWORD);
  await ask.getByRole("button", { name: "Confirm" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId("payout-result")).toContainText("£1.00 payout");
  await page.reload();
  await expect(page.getByTestId("balance-available")).not.toHaveText(before);
});
