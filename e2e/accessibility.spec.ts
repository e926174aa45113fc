// Accessibility: axe (WCAG 2.0/2.1 A and AA rules) on every page of the app and on the states a
// user meets (empty states, validation errors, confirmation steps, 403/404, the sign-in error,
// the dashboard on a phone), with no serious or critical violation allowed; every page also
// reflows to a phone's width without sideways scrolling. Plus keyboard-only runs through sign-in
// and a money movement with its confirmation.
//
// Pages come from e2e/pages.ts, which is derived from app/**/page.tsx: the first test fails when a
// page exists that the table doesn't cover.
//
// Nothing is excluded from the scan: the Connect embedded components the pages show come from the
// sandbox's connect.js, rendered into the page (open shadow roots), and are checked like our own
// markup. Nothing here moves the sandbox clock or money of the demo businesses: the money moves in
// the keyboard test on a business that test creates; the confirmation steps on demo businesses are
// opened and cancelled.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { US_NAME, openReview } from "./admin-helpers";
import { expectAccessible, tally } from "./axe";
import { DEMO_PASSWORD, signUpAndOnboard, uniqueEmail } from "./helpers";
import { allVisits, appRoutes, coverageGaps, signInAs, type DemoUser } from "./pages";

// The file's tests are independent: spread over both workers (one worker alone took 7 minutes, the
// suite's longest file, and the other worker sat idle at the end).
test.describe.configure({ mode: "parallel" });

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

// One sign-in per demo user per worker, renewed before its proof of identity is five minutes old:
// after that, inviting or funding asks for the password again (step-up), which these scans don't
// answer except in the test that checks that dialog.
const STATE_MAX_AGE_MS = 4 * 60_000;
const states = new Map<DemoUser, { state: StorageState; at: number }>();
async function contextAs(
  browser: Browser,
  user: DemoUser | null,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const held = user ? states.get(user) : undefined;
  if (user && (!held || Date.now() - held.at > STATE_MAX_AGE_MS)) {
    const ctx = await browser.newContext();
    const at = Date.now();
    await signInAs(ctx, user);
    states.set(user, { state: await ctx.storageState(), at });
    await ctx.close();
  }
  return browser.newContext({ ...options, storageState: user ? states.get(user)!.state : undefined });
}
async function pageAs(
  browser: Browser,
  user: DemoUser | null,
  options?: { viewport?: { width: number; height: number } },
): Promise<Page> {
  return (await contextAs(browser, user, options)).newPage();
}

test.afterAll(() => {
  if (tally.length === 0) return;
  const moderate = tally.reduce((n, t) => n + t.moderate, 0);
  const minor = tally.reduce((n, t) => n + t.minor, 0);
  console.log(`\nAccessibility: ${tally.length} page states checked; moderate findings: ${moderate}, minor: ${minor}`);
  for (const t of tally) {
    const found = t.rules.length ? ` — ${t.rules.join(", ")}` : "";
    const review = t.review.length ? `; for manual review: ${t.review.join(", ")}` : "";
    console.log(
      `  ${t.state}: ${t.passed} rules passed; serious/critical ${t.serious}, moderate ${t.moderate}, minor ${t.minor}${found}${review}`,
    );
  }
});

test("the page table covers every app/**/page.tsx, and lists no page that doesn't exist", () => {
  const gaps = coverageGaps();
  expect(gaps.uncovered, "pages with no entry in e2e/pages.ts: add how to visit them").toEqual([]);
  expect(gaps.stale, "entries in e2e/pages.ts with no page.tsx").toEqual([]);
  // Sanity: the walk really found the app's pages (route groups stripped, dynamic segments kept).
  const routes = appRoutes().map((r) => r.route);
  expect(routes).toEqual(
    expect.arrayContaining(["/", "/sign-in", "/dashboard", "/cards/[id]", "/admin/accounts/[id]", "/invite/[token]"]),
  );
  expect(routes.some((r) => r.includes("("))).toBe(false);
});

for (const visit of allVisits()) {
  test(`axe: ${visit.name} — ${visit.route}`, async ({ browser }) => {
    const page = await pageAs(browser, visit.as);
    const url = typeof visit.path === "string" ? visit.path : await visit.path(page);
    const response = await page.goto(url);
    if (visit.landsOn) await expect(page).toHaveURL(visit.landsOn);
    else expect(response?.status(), `${url} should load`).toBeLessThan(400);
    await expect(page.locator("h1").first()).toBeVisible();
    await expectAccessible(page, `${visit.name} (${new URL(page.url()).pathname})`);
    // Reflow (WCAG 1.4.10): on a phone (390px wide) nothing needs sideways scrolling. The same
    // page, narrowed: cheaper than a second visit of every page, and the layout is all CSS.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${url} scrolls sideways at 390px`).toBeLessThanOrEqual(0);
    await page.context().close();
  });
}

test("axe: sign-in with validation errors, and with a wrong password", async ({ browser }) => {
  const page = await pageAs(browser, null);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(page, "sign-in, empty submit");

  // An address nobody has: failed sign-ins count per email, and the demo users must stay usable.
  await page.getByLabel("Email").fill(uniqueEmail("a11y-nobody"));
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-alert")).toHaveText("That email and password don't match an account");
  await expectAccessible(page, "sign-in, wrong password");
  await page.context().close();
});

test("axe: sign-up with validation errors", async ({ browser }) => {
  const page = await pageAs(browser, null);
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(page, "sign-up, empty submit");
  await page.context().close();
});

test("axe: a brand-new user's onboarding form (and its errors), then the empty states of a business not yet verified", async ({
  browser,
}) => {
  // A sign-up or several forms, each scanned: over a minute once on a busy machine.
  test.setTimeout(120_000);
  const page = await pageAs(browser, null);
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Ada Accessible");
  await page.getByLabel("Work email").fill(uniqueEmail("a11y"));
  await page.getByLabel("Password").fill("a11y-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expectAccessible(page, "onboarding form (new user)");

  await page.getByRole("button", { name: "Continue to verification" }).click();
  await expect(page.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(page, "onboarding form, empty submit");

  await page.getByLabel("Legal business name").fill("Accessible Goods LLC");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Continue to verification" }).click();
  // Off to the (sandbox's) hosted onboarding; come back without finishing it.
  await page.waitForURL((u) => !u.pathname.startsWith("/onboarding"));
  for (const [path, state] of [
    ["/dashboard", "dashboard, business not verified yet"],
    ["/cards", "cards, business not verified yet"],
    ["/money", "money, business not verified yet"],
    ["/team", "team, only the owner"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await expectAccessible(page, state);
  }
  await page.context().close();
});

test("axe: the 403 page (a business owner opens the admin console; the admin opens a business page)", async ({
  browser,
}) => {
  const owner = await pageAs(browser, "owner@us.test");
  expect((await owner.goto("/admin/accounts"))?.status()).toBe(403);
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText("You don't have access to this page");
  await expect(owner).toHaveTitle("No access · Issuing Console");
  await expectAccessible(owner, "403 (owner → /admin/accounts)");
  await owner.context().close();

  const admin = await pageAs(browser, "admin@platform.test");
  expect((await admin.goto("/dashboard"))?.status()).toBe(403);
  await expect(admin).toHaveTitle("No access · Issuing Console");
  await expectAccessible(admin, "403 (admin → /dashboard)");
  await admin.context().close();
});

test("axe: the 404 page (an unknown path, an unknown card, an unknown account)", async ({ browser }) => {
  const owner = await pageAs(browser, "owner@us.test");
  // (Signed out, an unknown path sends you to sign in first.)
  expect((await owner.goto("/no-such-page"))?.status()).toBe(404);
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
  await expect(owner).toHaveTitle("Page not found · Issuing Console");
  await expectAccessible(owner, "404 (unknown path)");
  expect((await owner.goto("/cards/ic_doesnotexist"))?.status()).toBe(404);
  await expectAccessible(owner, "404 (unknown card)");
  await owner.context().close();

  const admin = await pageAs(browser, "admin@platform.test");
  // These pages stream behind a loading state; their layouts decide "not found" first, so it is a real 404.
  expect((await admin.goto("/admin/accounts/00000000-0000-0000-0000-000000000000"))?.status()).toBe(404);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
  await expectAccessible(admin, "404 (unknown account)");
  expect((await admin.goto("/admin/accounts/not-a-uuid"))?.status()).toBe(404);
  expect((await admin.goto("/admin/events/evt_doesnotexist"))?.status()).toBe(404);
  await admin.context().close();
});

test("axe: the US dashboard and the admin overview on a phone", async ({ browser }) => {
  const phone = { width: 390, height: 844 };
  const owner = await pageAs(browser, "owner@us.test", { viewport: phone });
  await owner.goto("/dashboard");
  await expect(owner.getByTestId("business-name")).toHaveText(US_NAME);
  await expectAccessible(owner, "dashboard, 390×844");
  // Reflow (WCAG 1.4.10): nothing needs sideways scrolling on a phone.
  const overflow = async (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow(owner), "the dashboard scrolls sideways at 390px").toBeLessThanOrEqual(0);
  await owner.context().close();

  const admin = await pageAs(browser, "admin@platform.test", { viewport: phone });
  await admin.goto("/admin");
  await expect(admin.getByRole("navigation", { name: "Admin sections" })).toBeVisible();
  await expectAccessible(admin, "admin overview, 390×844");
  expect(await overflow(admin), "the admin overview scrolls sideways at 390px").toBeLessThanOrEqual(0);
  await admin.context().close();
});

test("axe: empty results of the admin's searches", async ({ browser }) => {
  const admin = await pageAs(browser, "admin@platform.test");
  await admin.goto("/admin/accounts?q=no-business-is-called-this-zzz");
  await expect(admin.locator("h1").first()).toBeVisible();
  await expectAccessible(admin, "admin accounts, no match");
  await admin.goto("/admin/events?type=no.such.event.type");
  await expect(admin.locator("h1").first()).toBeVisible();
  await expectAccessible(admin, "admin events, no match");
  await admin.context().close();
});

test("axe: business forms showing their validation errors (invite, link a bank, move money in)", async ({
  browser,
}) => {
  const us = await pageAs(browser, "owner@us.test");
  await us.goto("/team");
  const invite = us.getByRole("form", { name: "Invite someone" });
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  await expect(us.locator('[data-field-error="email"]')).toBeVisible();
  await expectAccessible(us, "team, invite form with errors");

  await us.goto("/money");
  const forms = [
    us.getByRole("form", { name: "Link a bank account" }),
    us.getByRole("form", { name: "Move money in" }),
  ];
  for (const [i, form] of forms.entries()) {
    const button = form.getByRole("button").last();
    if ((await form.count()) === 0) {
      // "Move money in" shows only once a bank is linked and verified; say so rather than skip quietly.
      test
        .info()
        .annotations.push({ type: "not shown", description: `money: form ${i} is not on the page in this run` });
      console.log(
        `money: Acme shows no ${i === 0 ? "link-a-bank" : "move-money-in"} form in this run (no verified bank yet); the new US business test covers it`,
      );
      continue;
    }
    await button.click();
    await expect(form.locator("[data-field-error]").first()).toBeVisible();
    await expectAccessible(us, `money, ${i === 0 ? "link a bank" : "move money in"} with errors`);
  }
  await us.context().close();
});

test("axe: more forms showing their validation errors (simulated purchase, the business's card rules, the platform rules preview); nothing is saved", async ({
  browser,
}) => {
  // A sign-up or several forms, each scanned: over a minute once on a busy machine.
  test.setTimeout(120_000);
  const us = await pageAs(browser, "owner@us.test");
  await us.goto("/sandbox-tools");
  const purchase = us.getByRole("region", { name: "Simulate a card purchase" });
  await purchase.getByLabel("Amount (USD)").fill("not money");
  await purchase.getByRole("button", { name: "Simulate purchase" }).click();
  await expect(purchase.locator("[data-field-error]").first()).toBeVisible();
  await expect(us.getByTestId("purchase-result")).toHaveCount(0);
  await expectAccessible(us, "sandbox tools, purchase form with errors");

  await us.goto("/cards");
  const rules = us.getByRole("form", { name: "Your authorization rules" });
  await rules.getByLabel("Maximum per purchase (USD)").fill("not money");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.locator('[data-field-error="maxAmount"]')).toBeVisible();
  await expect(rules.getByText("Rules saved.")).toHaveCount(0);
  await expectAccessible(us, "cards, rules form with errors");
  await us.context().close();

  const admin = await pageAs(browser, "admin@platform.test");
  await admin.goto("/admin/rules");
  const platform = admin.getByRole("form", { name: "Platform rules" });
  await platform.getByLabel("Maximum per authorization (USD)").fill("not money");
  await platform.getByRole("button", { name: "Preview against the last 1,000 decisions" }).click();
  await expect(platform.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(admin, "admin rules, preview with errors");
  await admin.context().close();
});

test("axe: confirmation steps on the admin's account review (funding, pause), cancelled", async ({ browser }) => {
  const admin = await pageAs(browser, "admin@platform.test");
  await admin.goto("/admin");
  await openReview(admin, "acme", US_NAME);
  await admin.getByLabel("Amount (USD)").fill("1.00");
  await admin.getByRole("button", { name: "Review funding" }).click();
  const confirm = admin.getByRole("alertdialog", { name: "Confirm funding" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Confirm funding" })).toBeFocused();
  await expectAccessible(admin, "account review, funding confirmation open");
  // Cancel by keyboard: focus comes back to the amount, not to the top of the page.
  await confirm.getByRole("button", { name: "Cancel" }).focus();
  await admin.keyboard.press("Enter");
  await expect(confirm).toHaveCount(0);
  await expect(admin.getByLabel("Amount (USD)")).toBeFocused();

  const pause = admin.getByRole("button", { name: "Pause account", exact: true });
  if ((await pause.count()) > 0) {
    await pause.click();
    const group = admin.getByRole("alertdialog", { name: "Confirm: Pause account" });
    await expect(group).toBeVisible();
    await expect(group.getByRole("button", { name: "Confirm: pause account" })).toBeFocused();
    await expectAccessible(admin, "account review, pause confirmation open");
    await admin.keyboard.press("Tab");
    await expect(group.getByRole("button", { name: "Cancel" })).toBeFocused();
    await admin.keyboard.press("Enter");
    await expect(group).toHaveCount(0);
    await expect(pause).toBeFocused();
  }
  await admin.context().close();
});

test("axe: real invitations: a business invite seen by someone else, then revoked behind its confirmation; an admin invite (never accepted)", async ({
  browser,
}) => {
  // Several sign-ins, two invitations and an axe run on each state:
  // it took 56 s of the default 60 in a full run.
  test.setTimeout(120_000);
  const owner = await pageAs(browser, "owner@us.test");
  await owner.goto("/team");
  const form = owner.getByRole("form", { name: "Invite someone" });
  const email = uniqueEmail("a11y-invitee");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("member");
  await form.getByRole("button", { name: "Create invitation link" }).click();
  const link = await owner.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  await expectAccessible(owner, "team, invitation link shown");

  // Opened by someone signed in with another email: the mismatch is explained.
  const other = await pageAs(browser, "owner@mx.test");
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "Join a business" })).toBeVisible();
  await expectAccessible(other, "business invitation, signed in as someone else");

  // The owner withdraws it (leaving Acme's team as it was), through the confirmation.
  await owner.reload();
  const row = owner.getByTestId("invite-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByText(`Withdraw the invitation for ${email}?`)).toBeVisible();
  await expect(row.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(owner, "team, revoke confirmation open");
  // Escape backs out, with focus on the button that asked; then revoke for real.
  await owner.keyboard.press("Escape");
  await expect(row.getByText(`Withdraw the invitation for ${email}?`)).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Revoke" })).toBeFocused();
  await owner.keyboard.press("Enter");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(owner.getByTestId("invite-row").filter({ hasText: email })).toHaveCount(0);
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "This invitation can't be used" })).toBeVisible();
  await owner.context().close();

  // A platform-admin invitation for an address nobody uses, looked at by a business owner.
  const admin = await pageAs(browser, "admin@platform.test");
  await admin.goto("/admin/admins");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  await expect(admin.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(admin, "admins, invite form with errors");
  await admin.getByLabel("Colleague's email").fill(uniqueEmail("a11y-admin"));
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const adminLink = await admin.getByLabel("Invitation link").inputValue();
  expect(adminLink).toMatch(/\/admin-invite\//);
  await expectAccessible(admin, "admins, invitation link shown");
  await admin.context().close();
  await other.goto(adminLink);
  await expect(other.getByRole("heading", { level: 1, name: "Become a platform admin" })).toBeVisible();
  await expectAccessible(other, "admin invitation, open (not accepted)");
  await other.context().close();
});

test("keyboard only: sign in", async ({ browser }) => {
  const page = await pageAs(browser, null);
  await page.goto("/sign-in");
  // The email field has focus on arrival.
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type("owner@mx.test");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("owner@mx.test");
  await page.context().close();
});

// EIP-55 test vector (a valid polygon address).
const WALLET = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

/** Moves a focused, closed <select> with the arrow keys until it shows `value`. */
async function arrowTo(page: Page, select: ReturnType<Page["getByLabel"]>, value: string): Promise<void> {
  await expect(select).toBeFocused();
  for (let i = 0; i < 20 && (await select.inputValue()) !== value; i++) await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue(value);
}

// Everything below happens to a business this test creates, so no demo business changes.
test("keyboard only: a new MX business signs up and onboards, the admin funds it 1.00 USD through the confirmation, and it sends 0.01 USDC after a review (axe on each step)", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const legalName = `Teclado Accesible ${suffix}`;
  const label = `A11y wallet ${suffix}`;
  const owner = await pageAs(browser, null);

  // Sign up: the first field has focus; Tab between fields, Enter submits.
  await owner.goto("/sign-up");
  await expect(owner.getByLabel("Your name")).toBeFocused();
  await owner.keyboard.type("Kai Keyboard");
  await owner.keyboard.press("Tab");
  await expect(owner.getByLabel("Work email")).toBeFocused();
  await owner.keyboard.type(uniqueEmail("a11y-keyboard"));
  await owner.keyboard.press("Tab");
  await expect(owner.getByLabel("Password")).toBeFocused();
  await owner.keyboard.type("keyboard-password-1");
  await owner.keyboard.press("Enter");
  await expect(owner).toHaveURL(/\/onboarding$/);

  // Create the business, then Stripe's (the sandbox's) hosted onboarding page.
  await expect(owner.getByLabel("Legal business name")).toBeFocused();
  await owner.keyboard.type(legalName);
  await owner.keyboard.press("Tab");
  await arrowTo(owner, owner.getByLabel("Country"), "MX");
  await owner.keyboard.press("Tab");
  await expect(owner.getByLabel("Business type")).toBeFocused();
  await owner.keyboard.press("Tab");
  await expect(owner.getByRole("button", { name: "Continue to verification" })).toBeFocused();
  await owner.keyboard.press("Enter");
  await owner.getByRole("button", { name: "Submit" }).click();
  await expect(owner).toHaveURL(/\/dashboard$/);
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByTestId("balance-available")).toHaveText("0.00 USDC", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(owner, "new MX business: dashboard, nothing yet");
  await owner.goto("/payouts");
  await expect(owner.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();
  await expectAccessible(owner, "new MX business: payouts, no destinations");
  await owner.goto("/wallet");
  await expect(owner.locator("h1").first()).toBeVisible();
  await expectAccessible(owner, "new MX business: wallet, no history");

  // The admin funds it: amount, Enter, the confirmation takes focus, Enter confirms; then the
  // password is asked again (a session of its own, told to ask, so the file's shared one is left
  // alone) and given by keyboard.
  const adminContext = await browser.newContext();
  await signInAs(adminContext, "admin@platform.test");
  const admin = await adminContext.newPage();
  await admin.goto("/account/sessions");
  await admin.getByRole("button", { name: "Ask for my password next time" }).click();
  await admin.getByRole("button", { name: "Ask next time" }).click();
  await expect(admin.getByTestId("toast")).toHaveText("The next sensitive action will ask for your password.");
  await admin.goto("/admin");
  await openReview(admin, suffix, legalName);
  const amount = admin.getByLabel("Amount (USD)");
  await amount.focus();
  await admin.keyboard.press("Shift+Tab");
  await admin.keyboard.press("Tab");
  await expect(amount).toBeFocused();
  await admin.keyboard.type("1.00");
  await admin.keyboard.press("Tab");
  await expect(admin.getByRole("button", { name: "Review funding" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(admin.getByTestId("fund-confirm-text")).toContainText("$1.00");
  await expect(admin.getByRole("button", { name: "Confirm funding" })).toBeFocused();
  await expectAccessible(admin, "account review, funding confirmation (new MX business)");
  await admin.keyboard.press("Enter");
  const ask = admin.getByRole("alertdialog", { name: "Confirm it's you" });
  await expect(ask.getByLabel("Password or authenticator code")).toBeFocused();
  await expectAccessible(admin, "step-up: the password asked again before funding");
  await admin.keyboard.type(DEMO_PASSWORD);
  await admin.keyboard.press("Enter");
  await expect(ask).toHaveCount(0);
  await expect(admin.getByTestId("fund-result")).toHaveText(`Sent $1.00; ${legalName} received 1.00 USDC.`);
  await admin.context().close();

  // The owner adds a polygon wallet: a refused save first, then the arrow keys pick the network.
  await owner.goto("/payouts");
  await expect(owner.getByTestId("payout-available")).toContainText("1.00 USDC");
  const wallet = owner.getByRole("form", { name: "Add a crypto wallet" });
  await wallet.getByRole("button", { name: "Save wallet" }).focus();
  await owner.keyboard.press("Enter");
  await expect(wallet.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(owner, "payouts, add-wallet form with errors");
  await wallet.getByLabel("Network").focus();
  await arrowTo(owner, wallet.getByLabel("Network"), "polygon");
  await owner.keyboard.press("Tab");
  await expect(wallet.getByLabel("Wallet address")).toBeFocused();
  await owner.keyboard.type(WALLET);
  await owner.keyboard.press("Tab");
  await expect(wallet.getByLabel("Label")).toBeFocused();
  await owner.keyboard.type(label);
  await owner.keyboard.press("Enter");
  await expect(owner.getByTestId("destination").filter({ hasText: label })).toBeVisible();

  // Send USDC: an empty amount is explained; a review takes focus on its confirm button; Back
  // returns to the amount; review again and Enter sends.
  const send = owner.getByRole("form", { name: "Send USDC" });
  const sendAmount = send.getByLabel("Amount (USDC)");
  await sendAmount.focus();
  await owner.keyboard.press("Tab");
  await expect(send.getByLabel("Destination")).toBeFocused();
  await owner.keyboard.press("Tab");
  await expect(send.getByRole("button", { name: "Review payout" })).toBeFocused();
  await owner.keyboard.press("Enter");
  await expect(send.locator('[data-field-error="amount"]')).toBeVisible();
  await expectAccessible(owner, "payouts, send form with errors");
  await sendAmount.focus();
  await owner.keyboard.type("0.01");
  await owner.keyboard.press("Tab");
  await owner.keyboard.press("Tab");
  await expect(send.getByRole("button", { name: "Review payout" })).toBeFocused();
  await owner.keyboard.press("Enter");
  await expect(send.getByTestId("payout-review")).toContainText("0.01 USDC");
  await expect(send.getByTestId("payout-review")).toContainText(label);
  await expect(send.getByRole("button", { name: "Confirm and send" })).toBeFocused();
  await expectAccessible(owner, "payouts, review step open");
  await owner.keyboard.press("Shift+Tab");
  await expect(send.getByRole("button", { name: "Back" })).toBeFocused();
  await owner.keyboard.press("Enter");
  await expect(sendAmount).toBeFocused();
  await expect(sendAmount).toHaveValue("0.01");
  await owner.keyboard.press("Tab");
  await owner.keyboard.press("Tab");
  await owner.keyboard.press("Enter");
  await expect(send.getByRole("button", { name: "Confirm and send" })).toBeFocused();
  await owner.keyboard.press("Enter");
  await expect(send.getByTestId("payout-sent")).toContainText("0.01 USDC is on its way");
  await expect(owner.getByTestId("payout").filter({ hasText: label })).toHaveCount(1);
  await owner.context().close();
});

test("keyboard only: a new US business links and verifies a bank, then moves money in (axe on each money form's errors)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, null);
  await signUpAndOnboard(page, {
    email: uniqueEmail("a11y-us-keyboard"),
    legalName: `Keyboard Goods ${Date.now().toString(36)}`,
    country: "US",
    name: "Uma Keyboard",
    password: "keyboard-password-1",
  });

  // Link a bank: an empty submit is explained, then the fields in Tab order, Enter submits.
  await page.goto("/money");
  const link = page.getByRole("form", { name: "Link a bank account" });
  await link.getByRole("button", { name: "Link bank account" }).focus();
  await page.keyboard.press("Enter");
  await expect(link.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(page, "new US business: link a bank with errors");
  await link.getByLabel("Account holder name").focus();
  await page.keyboard.type("Keyboard Goods");
  await page.keyboard.press("Tab");
  await expect(link.getByLabel("Routing number")).toBeFocused();
  await page.keyboard.type("110000000");
  await page.keyboard.press("Tab");
  await expect(link.getByLabel("Account number")).toBeFocused();
  await page.keyboard.type("000123456789");
  await page.keyboard.press("Tab");
  await expect(link.getByLabel("Account type")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(link.getByRole("button", { name: "Link bank account" })).toBeFocused();
  await page.keyboard.press("Enter");

  // Verify with the deposit code: a wrong code first.
  const code = page.getByLabel(/Deposit code for account ••6789/);
  await code.focus();
  await page.keyboard.type("SM99ZZ");
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-field-error="code"]')).toContainText("doesn't match");
  await expectAccessible(page, "new US business: deposit code with errors");
  await code.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("SM11AA");
  await page.keyboard.press("Enter");

  // Move money in: an empty amount is explained; then bank and amount, Enter.
  const moveIn = page.getByRole("form", { name: "Move money in" });
  await expect(moveIn).toBeVisible();
  await moveIn.getByRole("button", { name: "Transfer in" }).focus();
  await page.keyboard.press("Enter");
  await expect(moveIn.locator("[data-field-error]").first()).toBeVisible();
  await expectAccessible(page, "new US business: move money in with errors");
  const bank = moveIn.getByLabel("From bank account");
  await bank.focus();
  const bankValue = await bank.locator("option", { hasText: "Bank account ••6789" }).getAttribute("value");
  await arrowTo(page, bank, bankValue ?? "");
  await page.keyboard.press("Tab");
  await expect(moveIn.getByLabel("Amount (USD)")).toBeFocused();
  await page.keyboard.type("25.00");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("inbound-result")).toContainText("$25.00 is on its way");
  await page.context().close();
});
