import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { expectAccessible } from "./axe";
import { signIn, uniqueEmail } from "./helpers";

// Two-factor sign-in (issue 20): enrol, sign in with a code or a recovery code (each once), remember
// a device and forget it, and Auth.js's own endpoint can't be used to skip the code.

const PASSWORD = "two-factor-password-1";

/** A code for a time-step after the last one used (the app accepts each step once), waiting if need be. */
function codes(secret: string) {
  let lastStep = 0;
  return async (): Promise<string> => {
    for (;;) {
      const nowStep = Math.floor(Date.now() / 30_000);
      const step = Math.max(nowStep, lastStep + 1);
      // The app accepts one step either side of its clock.
      if (step <= nowStep + 1) {
        lastStep = step;
        return generate({ secret, epoch: step * 30 + 1 });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
}

async function signedInEmail(page: Page): Promise<string | null> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  return session?.user?.email ?? null;
}

async function signOut(page: Page): Promise<void> {
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await signedInEmail(page)).toBeNull();
}

test("enrol, then sign in with a code or a recovery code (once), remember this device, forget it", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("twofa");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Tove Factor");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  // Enrol: a wrong code is refused next to the field; the right one shows ten recovery codes once.
  await page.goto("/account");
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("img", { name: /QR code/ }).locator("svg")).toBeVisible();
  const secret = (await page.getByTestId("totp-key").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const nextCode = codes(secret);
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator('[data-field-error="code"]')).toContainText("isn't right");
  await page.getByLabel("Code from your app").fill(await nextCode());
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("two-factor-enabled")).toBeVisible();
  const recovery = await page.getByTestId("recovery-code").allInnerTexts();
  expect(recovery).toHaveLength(10);
  await expectAccessible(page, "two-factor set-up: the recovery codes, shown once");
  await signOut(page);

  // The password alone is not enough: the code is asked for, and the right one signs in.
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
  expect(await signedInEmail(page)).toBeNull();
  const field = page.getByLabel("Authentication code");
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await expect(field).toHaveAttribute("inputmode", "numeric");
  await expectAccessible(page, "sign-in verify: the code form of a pending sign-in");
  await field.fill(await nextCode());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  expect(await signedInEmail(page)).toBe(email);
  await signOut(page);

  // A recovery code signs in once…
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recovery[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  expect(await signedInEmail(page)).toBe(email);
  await signOut(page);

  // …and is refused the second time.
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recovery[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator('[data-field-error="code"]')).toContainText("isn't right");
  expect(await signedInEmail(page)).toBeNull();
  await expectAccessible(page, "sign-in verify: a used recovery code refused");

  // Remember this device: the next sign-in skips the code.
  await page.getByRole("button", { name: "Use a code from your app instead" }).click();
  await page.getByLabel("Authentication code").fill(await nextCode());
  await page.getByLabel("Remember this device for 30 days").check();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  const device = (await page.context().cookies()).find((c) => c.name === "ic_device");
  expect(device?.httpOnly).toBe(true);
  expect(device?.sameSite).toBe("Lax");
  await signOut(page);
  await signIn(page, email, PASSWORD);
  await expect(page).not.toHaveURL(/\/sign-in/);
  expect(await signedInEmail(page)).toBe(email);

  // Forgetting the device on /account: the next sign-in asks for the code again.
  await page.goto("/account");
  await expect(page.getByTestId("remembered-devices").getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Forget", exact: true }).click();
  await expect(page.getByText(/^None\./)).toBeVisible();
  await signOut(page);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
  expect(await signedInEmail(page)).toBeNull();

  // Posting the email and password straight to Auth.js (with its CSRF token) makes no session.
  const anon = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await anon.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const direct = await anon.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(direct.status()).toBeLessThan(500);
  expect(
    direct.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /session-token=/.test(h.value)),
  ).toEqual([]);
  expect(await (await anon.get("/api/auth/session")).json()).toBeNull();
  await anon.dispose();
});
