import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn, uniqueEmail } from "./helpers";

// Sandbox mode sends no real mail: the app delivers to the sandbox's mailbox, read here.
const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111";
const SAME_ANSWER =
  "If an account exists for that email, we've sent a link to reset its password. It works once, for 30 minutes.";

type Mail = { to: string[]; subject: string; text: string; received: string };

async function mailTo(request: APIRequestContext, email: string): Promise<Mail[]> {
  const res = await request.get(`${sandboxUrl}/_sandbox/mail?to=${encodeURIComponent(email)}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { data: Mail[] }).data;
}

async function askForLink(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-requested")).toHaveText(SAME_ANSWER);
}

test("a forgotten password is reset through the emailed link, once", async ({ page, browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("reset");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Rita Reset");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("old-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  // Signed out for what follows: once the page's own requests (prefetches refresh the session cookie) are done.
  await page.waitForLoadState("networkidle");
  await page.context().clearCookies();

  await askForLink(page, email);
  let mail: Mail[] = [];
  await expect(async () => {
    mail = await mailTo(request, email);
    expect(mail).toHaveLength(1);
  }).toPass({ timeout: 20_000 });
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail[0]!.text)?.[0];
  expect(link, mail[0]!.text).toBeTruthy();
  // The link points at the app the request came to.
  expect(new URL(link!).origin).toBe(new URL(baseURL!).origin);

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("button", { name: "Set new password" })).toBeVisible();
  await expectAccessible(page, "reset password: the form, with a live link");
  await page.getByLabel("New password", { exact: true }).fill("new-password-22");
  await page.getByLabel("Confirm new password").fill("new-password-2x");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator('[data-field-error="confirm"]')).toHaveText("The two passwords don't match");
  await expectAccessible(page, "reset password: the passwords don't match");
  await page.getByLabel("New password", { exact: true }).fill("new-password-22");
  await page.getByLabel("Confirm new password").fill("new-password-22");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByTestId("password-reset-done")).toHaveText(
    "Your password was changed. Sign in with the new one.",
  );

  await signIn(page, email, "old-password-1");
  await expect(page.getByTestId("form-alert")).toHaveText("That email and password don't match an account");
  await signIn(page, email, "new-password-22");
  await expect(page).toHaveURL(/\/(dashboard|onboarding)$/);

  // The same link again, in a browser that never signed in (clearing this one's cookies raced the
  // signed-in page's own requests, which set the session cookie again): it no longer works.
  const signedOut = await (await browser.newContext()).newPage();
  await signedOut.goto(new URL(link!).pathname);
  await expect(signedOut.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await signedOut.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(signedOut).toHaveURL(/\/forgot-password$/);
});

test("an unknown email gets the same answer, and no mail is sent", async ({ page, request }) => {
  const email = uniqueEmail("nobody");
  await askForLink(page, email);
  // The mail for a known email arrives within a second or two; give an unknown one as long.
  await page.waitForTimeout(2000);
  expect(await mailTo(request, email)).toEqual([]);
});
