// The README's screenshots (docs/screenshots/<name>.png), one test per demo user, then the README's
// two-minute tour clicked through. Run with `npm run screenshots` (playwright.screenshots.config.ts);
// it is outside e2e/, so `npm test` never runs it. The screenshots take the demo as a fresh
// `npm start` seeds it and add nothing, so they stay true to what a new user sees; only the tour,
// which runs last (one worker, tests in file order), makes a purchase and a payout.
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { US_NAME } from "../e2e/admin-helpers";
import { signIn } from "../e2e/helpers";

/** A well-formed Polygon address (e2e/journey-mx.spec.ts uses it too). */
const CRYPTO_WALLET = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

const OUT = path.resolve(process.cwd(), "docs", "screenshots");

/** Waits for the page to settle (data, embedded components, fonts), then saves the viewport. */
async function shot(page: Page, name: string, ready?: Locator): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  if (ready) await expect(ready).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: path.join(OUT, `${name}.png`),
    fullPage: false,
    animations: "disabled",
    caret: "hide",
  });
}

/** A link of the header's main navigation. */
const mainNav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

async function signInAs(page: Page, email: string, home: RegExp): Promise<void> {
  await signIn(page, email);
  await expect(page).toHaveURL(home);
}

test("US owner: home, cards, a card, purchases, money, team", async ({ page }) => {
  await signInAs(page, "owner@us.test", /\/dashboard$/);
  await shot(page, "us-home", page.getByTestId("business-name"));

  await mainNav(page, "Cards").click();
  await expect(page).toHaveURL(/\/cards$/);
  await shot(page, "us-cards", page.getByTestId("cards-components").getByRole("button", { name: "Search" }));

  // The physical card: its page shows the delivery timeline as well as the limits.
  await page.getByTestId("card-links").locator("li", { hasText: "physical" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cards\/ic_/);
  await shot(page, "us-card-detail", page.getByTestId("card-status"));

  await mainNav(page, "Purchases").click();
  await expect(page).toHaveURL(/\/purchases$/);
  await shot(page, "us-purchases", page.getByTestId("purchases"));

  await mainNav(page, "Money").click();
  await expect(page).toHaveURL(/\/money$/);
  await shot(page, "us-money", page.getByTestId("money-components").getByTestId("balance-cash"));

  await mainNav(page, "Team").click();
  await expect(page).toHaveURL(/\/team$/);
  await shot(page, "us-team", page.getByTestId("members-table"));
});

test("MX owner: USDC wallet", async ({ page }) => {
  await signInAs(page, "owner@mx.test", /\/dashboard$/);
  await mainNav(page, "Wallet").click();
  await expect(page).toHaveURL(/\/wallet$/);
  await shot(page, "mx-wallet", page.getByTestId("wallet-available"));
});

test("cardholder: my cards", async ({ page }) => {
  await signInAs(page, "cardholder@us.test", /\/my-cards$/);
  await shot(page, "cardholder-my-cards", page.getByTestId("my-cards"));
});

test("platform admin: accounts, an account's review, rules, analytics", async ({ page }) => {
  await signInAs(page, "admin@platform.test", /\/admin$/);
  const nav = page.getByRole("navigation", { name: "Admin sections" });

  await nav.getByRole("link", { name: "Accounts" }).click();
  await expect(page).toHaveURL(/\/admin\/accounts$/);
  await shot(page, "admin-accounts", page.getByRole("link", { name: US_NAME }));

  await page.getByRole("link", { name: US_NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: US_NAME })).toBeVisible();
  await shot(page, "admin-account-review");

  await nav.getByRole("link", { name: "Rules" }).click();
  await expect(page).toHaveURL(/\/admin\/rules$/);
  await shot(page, "admin-rules");

  await nav.getByRole("link", { name: "Analytics" }).click();
  await expect(page).toHaveURL(/\/admin\/analytics$/);
  await shot(page, "admin-analytics");
});

// The README's "two-minute tour", clicked through after the screenshots are taken (it adds a purchase,
// so it runs last): if a step stops working, `npm run screenshots` fails and the README gets fixed.
test("the two-minute tour, as the README tells it", async ({ browser }) => {
  const as = async (email: string, home: RegExp) => {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, email, home);
    return page;
  };

  // 1. US owner: home, then a purchase on Chloe's virtual card in the sandbox tools, captured.
  const us = await as("owner@us.test", /\/dashboard$/);
  await expect(us.getByTestId("business-name")).toHaveText(US_NAME);
  await mainNav(us, "Sandbox tools").click();
  await expect(us).toHaveURL(/\/sandbox-tools$/);
  const purchase = us.getByRole("region", { name: "Simulate a card purchase" });
  let cardId = "";
  await expect(async () => {
    await us.reload();
    const select = purchase.getByLabel("Card", { exact: true });
    const active = select.locator("option", { hasText: "Chloe Cardholder (active)" }).first();
    cardId = (await active.getAttribute("value", { timeout: 2000 })) ?? "";
    await select.selectOption(cardId, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await purchase.getByLabel("Amount (USD)").fill("42.00");
  await purchase.getByRole("button", { name: "Simulate purchase" }).click();
  await expect(us.getByTestId("purchase-result")).toContainText("Approved");
  const row = us.getByTestId("recent-purchases").locator("li").first();
  await expect(async () => {
    await us.reload();
    await expect(row.getByRole("button", { name: "Capture" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await row.getByRole("button", { name: "Capture" }).click();
  await expect(async () => {
    await us.reload();
    await expect(row.getByTestId("purchase-status")).toHaveText("closed", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // 2. …it is on the Purchases page; the physical card's page shows its delivery.
  await mainNav(us, "Purchases").click();
  await expect(us).toHaveURL(/\/purchases$/);
  await expect(us.getByTestId("purchases")).toContainText("Rocket Rides");
  await mainNav(us, "Cards").click();
  await expect(us).toHaveURL(/\/cards$/);
  await us.getByTestId("card-links").locator("li", { hasText: "physical" }).getByRole("link").first().click();
  await expect(us.getByText("Delivery", { exact: true })).toBeVisible();
  await us.context().close();

  // 3. Cardholder: her cards, the purchase on the virtual one, and freezing it herself.
  const chloe = await as("cardholder@us.test", /\/my-cards$/);
  const virtual = chloe.locator(`[data-testid="my-card"][data-card="${cardId}"]`);
  await expect(virtual).toContainText("Rocket Rides");
  await virtual.getByRole("button", { name: "Freeze card" }).click();
  await chloe.getByRole("alertdialog").getByRole("button", { name: "Freeze" }).click();
  await expect(virtual.getByTestId("my-card-status")).toHaveText("Frozen");
  await virtual.getByRole("button", { name: "Unfreeze card" }).click();
  await chloe.getByRole("alertdialog").getByRole("button", { name: "Unfreeze" }).click();
  await expect(virtual.getByTestId("my-card-status")).toHaveText("Active");
  await chloe.context().close();

  // 4. MX owner: the USDC wallet, then 10 USDC out to a new crypto wallet.
  const mx = await as("owner@mx.test", /\/dashboard$/);
  await mainNav(mx, "Wallet").click();
  await expect(mx).toHaveURL(/\/wallet$/);
  await expect(mx.getByTestId("wallet-available")).toHaveText(/^[\d,]+\.\d\d USDC$/);
  await mx.getByRole("link", { name: "Send a payout" }).click();
  const wallet = mx.getByRole("form", { name: "Add a crypto wallet" });
  await wallet.getByLabel("Network").selectOption("polygon");
  await wallet.getByLabel("Wallet address").fill(CRYPTO_WALLET);
  await wallet.getByLabel("Label").fill("My Polygon wallet");
  await wallet.getByRole("button", { name: "Save wallet" }).click();
  await expect(mx.getByTestId("destination").filter({ hasText: "My Polygon wallet" })).toBeVisible();
  const send = mx.getByRole("form", { name: "Send USDC" });
  await send.getByLabel("Amount (USDC)").fill("10.00");
  await send.getByLabel("Destination").selectOption({ label: `My Polygon wallet · ${CRYPTO_WALLET}` });
  await send.getByRole("button", { name: "Review payout" }).click();
  await expect(send.getByTestId("payout-review")).toContainText("10.00 USDC");
  await send.getByRole("button", { name: "Confirm and send" }).click();
  await expect(mx.getByTestId("payout").filter({ hasText: "My Polygon wallet" }).first()).toHaveAttribute(
    "data-status",
    "processing",
  );
  await mx.context().close();

  // 5. UK owner: the Issuing balance.
  const uk = await as("owner@uk.test", /\/dashboard$/);
  await mainNav(uk, "Balance").click();
  await expect(uk).toHaveURL(/\/balance$/);
  await expect(uk.getByText(/£[\d,]+\.\d\d/).first()).toBeVisible();
  await uk.context().close();

  // 6. Platform admin: Acme's review, the decision on the rules page, spend in analytics.
  const admin = await as("admin@platform.test", /\/admin$/);
  const nav = admin.getByRole("navigation", { name: "Admin sections" });
  await nav.getByRole("link", { name: "Accounts" }).click();
  await admin.getByRole("link", { name: US_NAME }).click();
  await expect(admin.getByRole("heading", { level: 1, name: US_NAME })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Review funding" })).toBeVisible();
  await nav.getByRole("link", { name: "Rules" }).click();
  const decision = admin.getByTestId("decision-log").locator("tr", { hasText: US_NAME }).filter({ hasText: "$42.00" });
  await expect(decision.first()).toContainText("Approved");
  await nav.getByRole("link", { name: "Analytics" }).click();
  await expect(admin.getByText("No spend in this period").first()).toHaveCount(0);
});
