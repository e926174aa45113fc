import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// EIP-55 test vector; flipping the case of two letters breaks its checksum.
const ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const BAD_CHECKSUM = ADDRESS.replace("aA", "Aa");

test("the MX owner adds a polygon wallet, sends 10.00 USDC after a review, and posts it with the sandbox control", async ({
  page,
}) => {
  const label = `Polygon e2e ${Date.now().toString(36)}`;
  await signIn(page, "owner@mx.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payouts" }).click();
  await expect(page.getByRole("heading", { name: "Payouts", level: 1 })).toBeVisible();

  const wallet = page.getByRole("form", { name: "Add a crypto wallet" });
  await wallet.getByLabel("Network").selectOption("polygon");
  await expect(wallet.getByTestId("network-badge")).toHaveText("Polygon");
  // Checked as the user types…
  await wallet.getByLabel("Wallet address").fill(BAD_CHECKSUM);
  await expect(wallet.locator('[data-field-error="address"]')).toContainText("checksum");
  // …and refused by the server too.
  await wallet.getByRole("button", { name: "Save wallet" }).click();
  await expect(wallet.locator('[data-field-error="address"]')).toContainText("checksum");
  await expect(page.getByTestId("destination").filter({ hasText: label })).toHaveCount(0);

  await wallet.getByLabel("Wallet address").fill(ADDRESS);
  await expect(wallet.locator('[data-field-error="address"]')).toHaveCount(0);
  await wallet.getByLabel("Label").fill(label);
  await wallet.getByRole("button", { name: "Save wallet" }).click();
  await expect(page.getByTestId("destination").filter({ hasText: label })).toBeVisible();

  const send = page.getByRole("form", { name: "Send USDC" });
  await send.getByLabel("Amount (USDC)").fill("10.00");
  await send.getByLabel("Destination").selectOption({ label: `${label} · ${ADDRESS}` });
  await send.getByRole("button", { name: "Review payout" }).click();
  const review = send.getByTestId("payout-review");
  await expect(review).toContainText("10.00 USDC");
  await expect(review).toContainText(label);
  await expect(review).toContainText(ADDRESS);
  await expect(review.getByTestId("network-badge")).toHaveText("Polygon");
  await send.getByRole("button", { name: "Confirm and send" }).click();
  await expect(send.getByTestId("payout-sent")).toContainText("10.00 USDC");

  const payout = page.getByTestId("payout").filter({ hasText: label }).first();
  await expect(payout).toHaveAttribute("data-status", "processing");
  await payout.getByRole("button", { name: "Post" }).click();
  await expect(payout).toHaveAttribute("data-status", "posted");
  await expect(payout.locator('[data-step="posted"]')).toBeVisible();

  // The wallet shows the payout in its history and offers the CSV export.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallet" }).click();
  await expect(page.getByTestId("wallet-available")).toContainText("USDC");
  await expect(page.getByTestId("wallet-history").locator('[data-kind="payout"]').first()).toContainText("10.00 USDC");
  // The demo's opening funding, among the fundings (the demo's month of purchases fills the first
  // page of the whole history; other specs, like the admin's, may add more fundings).
  await page.goto("/wallet?type=funding");
  await expect(
    page.getByTestId("wallet-history").locator('[data-kind="funding"]').filter({ hasText: "1,000.00 USD debited" }),
  ).toHaveCount(1);
  // The export follows the filter.
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/wallet/export?type=funding");
});

test("an amount above the available balance is refused next to the amount, and nothing is sent", async ({ page }) => {
  await signIn(page, "owner@mx.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/payouts");
  const wallet = page.getByRole("form", { name: "Add a crypto wallet" });
  const label = `Too much ${Date.now().toString(36)}`;
  await wallet.getByLabel("Wallet address").fill(ADDRESS);
  await wallet.getByLabel("Label").fill(label);
  await wallet.getByRole("button", { name: "Save wallet" }).click();
  await expect(page.getByTestId("destination").filter({ hasText: label })).toBeVisible();
  const send = page.getByRole("form", { name: "Send USDC" });
  await send.getByLabel("Amount (USDC)").fill("999999.00");
  await send.getByRole("button", { name: "Review payout" }).click();
  await expect(send.locator('[data-field-error="amount"]')).toContainText("available");
  await expect(send.getByTestId("payout-review")).toHaveCount(0);
});

test("a bank account refused by the server keeps what was typed, and the corrected one is saved in the currency chosen", async ({
  page,
}) => {
  const label = `CLABE e2e ${Date.now().toString(36)}`;
  await signIn(page, "owner@mx.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payouts" }).click();
  const bank = page.getByRole("form", { name: "Add a bank account" });
  await bank.getByLabel("Currency").selectOption("mxn");
  await bank.getByLabel("CLABE").fill("12345");
  await bank.getByLabel("Label").fill(label);
  await bank.getByRole("button", { name: "Save bank account" }).click();
  await expect(bank.locator('[data-field-error="accountNumber"]')).toContainText("18 digits");
  // The refusal changed nothing the user chose or typed.
  await expect(bank.getByLabel("Currency")).toHaveValue("mxn");
  await expect(bank.getByLabel("Label")).toHaveValue(label);

  await bank.getByLabel("CLABE").fill("002010077777777771");
  await bank.getByRole("button", { name: "Save bank account" }).click();
  const saved = page.getByTestId("destination").filter({ hasText: label });
  await expect(saved).toContainText("MXN bank");
  await expect(bank.getByLabel("Currency")).toHaveValue("usd");
  await expect(bank.getByLabel("Label")).toHaveValue("");
});
