import { expect, test, type Page } from "@playwright/test";
import { MX_NAME, V2_VERSION, sandboxStripe } from "./admin-helpers";
import { signIn } from "./helpers";
import { acmeAccount } from "./spend-helpers";

// Issue 21: a page where a user waits for money refreshes itself when the money arrives. Money is
// moved from outside the page (the sandbox, as Stripe would), and the page shows it without a
// reload. Other specs move money on the same demo businesses at the same time, so each check is
// about this spec's own amount and description, never a total.

const stripe = sandboxStripe();
type V2 = Record<string, unknown> & { id: string };

async function v2(method: "GET" | "POST", path: string, body?: Record<string, unknown>, context?: string) {
  return (await stripe.rawRequest(method, path, body, {
    apiVersion: V2_VERSION,
    ...(context ? { stripeContext: context } : {}),
  })) as unknown as { data?: V2[]; next_page_url?: string | null } & Record<string, unknown>;
}

/** The Mexican demo business's v2 account (the oldest: the list is newest first). */
async function auroraAccount(): Promise<string> {
  let url: string | null = "/v2/core/accounts?limit=100";
  while (url) {
    const page = await v2("GET", url);
    const found = page.data?.find((a) => a.display_name === MX_NAME);
    if (found) return found.id;
    url = page.next_page_url ?? null;
  }
  throw new Error(`${MX_NAME} was not found in the sandbox`);
}

/** A window property that a reload would wipe: still there means the page was never reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __liveUpdatesMark: "same document" }));
}
async function expectSamePage(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __liveUpdatesMark?: string }).__liveUpdatesMark)).toBe(
    "same document",
  );
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** Between 1.01 and 9.99, so it is unlikely to match another spec's round amounts. */
const oddCents = () => 101 + Math.floor(Math.random() * 898);
const decimal = (cents: number) => (cents / 100).toFixed(2);

test("the MX owner's open wallet shows a funding from the platform, in its history and balance, without a reload", async ({
  page,
}) => {
  await signIn(page, "owner@mx.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/wallet");
  await expect(page.getByRole("heading", { level: 1, name: "USDC wallet" })).toBeVisible();
  const available = page.getByTestId("wallet-available");
  await expect(available).toContainText("USDC");
  const before = await available.innerText();
  await markPage(page);

  // The platform sends USD from its own v2 financial account; the wallet receives it as USDC.
  const accountId = await auroraAccount();
  const wallet = (await v2("GET", "/v2/money_management/financial_accounts", undefined, accountId)).data?.[0]?.id;
  const platform = (await v2("GET", "/v2/money_management/financial_accounts")).data?.find(
    (fa) =>
      fa.status === "open" &&
      ((fa.storage as { holds_currencies?: string[] } | undefined)?.holds_currencies ?? []).includes("usd"),
  );
  expect(wallet, "the MX wallet").toBeTruthy();
  expect(platform, "the platform's USD financial account").toBeTruthy();
  const cents = oddCents();
  const description = `Live update ${unique()}`;
  await v2("POST", "/v2/money_management/outbound_payments", {
    from: { financial_account: platform!.id, currency: "usd" },
    to: { recipient: accountId, payout_method: wallet, currency: "usdc" },
    amount: { value: cents, currency: "usd" },
    description,
  });

  const row = page.getByTestId("wallet-history").locator('[data-kind="funding"]').filter({ hasText: description });
  await expect(row).toContainText(`+${decimal(cents)} USDC`, { timeout: 45_000 });
  await expect(available).not.toHaveText(before);
  await expect(page.getByRole("status").filter({ hasText: /^Updated at / })).toBeVisible();
  await expectSamePage(page);
});

test("the US owner's open home page shows a received ACH credit, in its activity and balance, without a reload", async ({
  page,
}) => {
  await signIn(page, "owner@us.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  const available = page.getByTestId("balance-available");
  await expect(available).toContainText("$");
  const before = await available.innerText();
  await markPage(page);

  // A bank sends money to the business's Treasury financial account (its ABA address).
  const accountId = await acmeAccount(stripe);
  const opts = { stripeAccount: accountId };
  const fa = (await stripe.treasury.financialAccounts.list({}, opts)).data[0]!.id;
  const cents = oddCents();
  const description = `Live update ${unique()}`;
  await stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: fa, network: "ach", amount: cents, currency: "usd", description },
    opts,
  );

  const row = page.getByTestId("recent-activity").locator("li").filter({ hasText: description });
  await expect(row).toContainText(`+$${decimal(cents)}`, { timeout: 45_000 });
  await expect(available).not.toHaveText(before);
  await expect(page.getByRole("status").filter({ hasText: /^Updated at / })).toBeVisible();
  await expectSamePage(page);
});
