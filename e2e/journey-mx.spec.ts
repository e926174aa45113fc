import { expect, test } from "@playwright/test";
import { openReview, sandboxStripe, signInAdmin } from "./admin-helpers";
import { signUpAndOnboard, uniqueEmail } from "./helpers";

const ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const stripe = sandboxStripe();

test("MX journey: sign up → onboard → platform funds 100.00 USD → 100.00 USDC → card purchase → polygon wallet → 10.00 USDC posted", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = await (await browser.newContext()).newPage();
  const email = uniqueEmail("journey-mx");
  const suffix = Date.now().toString(36);
  const legalName = `Tienda Journey ${suffix}`;

  // Sign up and onboard through Stripe's hosted page.
  await signUpAndOnboard(owner, {
    email,
    legalName,
    country: "MX",
    name: "Lupe Journey",
    password: "journey-password-mx",
  });

  // The platform admin funds it with 100.00 USD, which arrives as 100.00 USDC.
  const admin = await (await browser.newContext()).newPage();
  await signInAdmin(admin);
  const accountId = await openReview(admin, suffix, legalName);
  await admin.getByLabel("Amount (USD)").fill("100.00");
  await admin.getByRole("button", { name: "Review funding" }).click();
  await admin.getByRole("button", { name: "Confirm funding" }).click();
  await expect(admin.getByTestId("fund-result")).toHaveText(`Sent $100.00; ${legalName} received 100.00 USDC.`);
  await owner.reload();
  await expect(owner.getByTestId("balance-available")).toHaveText("100.00 USDC");

  // A cardholder and a card, made in the embedded cards list as the owner would: the component offers the
  // USDC wallet as the only funding source (financial_account_v2) and the cardholder accepts Lead's terms.
  await owner.goto("/cards");
  const list = owner.getByTestId("cards-components");
  await list.getByRole("button", { name: "Add cardholder" }).click();
  await list.getByLabel("First name").fill("Lupe");
  await list.getByLabel("Last name").fill("Journey");
  await list.getByLabel("Country").selectOption("MX");
  await list.getByLabel("The cardholder accepts the Issuing terms").check();
  await list.getByRole("button", { name: "Save cardholder" }).click();
  const source = list.getByLabel("Spends from");
  await expect(source.locator("option")).toHaveCount(1);
  await expect(source.locator("option")).toContainText("USDC wallet");
  await list.getByRole("button", { name: "Create virtual card" }).click();
  await expect(list.getByText(/Virtual card .* created for Lupe Journey/)).toBeVisible();
  const card = (await stripe.issuing.cards.list({ limit: 1 }, { stripeAccount: accountId })).data[0]!.id;

  // A purchase approved in real time.
  await owner.goto("/sandbox-tools");
  const purchase = owner.getByRole("region", { name: "Simulate a card purchase" });
  await expect(async () => {
    await owner.reload();
    await purchase.getByLabel("Card", { exact: true }).selectOption(card, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await purchase.getByLabel("Amount (USD)").fill("12.00");
  await purchase.getByRole("button", { name: "Simulate purchase" }).click();
  await expect(owner.getByTestId("purchase-result")).toContainText("Approved");
  await owner.goto("/dashboard");
  await expect(owner.getByTestId("balance-available")).toHaveText("88.00 USDC");

  // Captured, the purchase reaches the wallet's history through the webhook events, before /wallet is
  // ever opened (its CSV export reads only the history); the card page names the wallet it spends.
  await owner.goto("/sandbox-tools");
  const row = owner.getByTestId("recent-purchases").locator("li").first();
  await expect(async () => {
    await owner.reload();
    await expect(row.getByRole("button", { name: "Capture" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await row.getByRole("button", { name: "Capture" }).click();
  await expect
    .poll(async () => (await owner.request.get("/wallet/export")).text(), { timeout: 15_000 })
    .toMatch(/Card spending,.*,-12\.00,USDC/);
  await owner.goto(`/cards/${card}`);
  await expect(owner.getByTestId("card-funding")).toHaveAttribute("data-kind", "usdc_wallet");
  await expect(owner.getByTestId("card-funding").getByRole("link", { name: "USDC wallet" })).toBeVisible();
  await expect(owner.getByTestId("card-wallet-available")).toHaveText("88.00 USDC available");
  await owner.getByTestId("card-funding").getByRole("link", { name: "USDC wallet" }).click();
  await expect(owner.getByTestId("wallet-available")).toHaveText("88.00 USDC");

  // A polygon wallet (a bad address refused), then 10.00 USDC out, posted.
  await owner.goto("/payouts");
  const wallet = owner.getByRole("form", { name: "Add a crypto wallet" });
  await wallet.getByLabel("Network").selectOption("polygon");
  await wallet.getByLabel("Wallet address").fill("0x1234");
  await wallet.getByRole("button", { name: "Save wallet" }).click();
  await expect(wallet.locator('[data-field-error="address"]')).toBeVisible();
  await wallet.getByLabel("Wallet address").fill(ADDRESS);
  await wallet.getByLabel("Label").fill("Treasury wallet");
  await wallet.getByRole("button", { name: "Save wallet" }).click();
  await expect(owner.getByTestId("destination").filter({ hasText: "Treasury wallet" })).toBeVisible();

  const send = owner.getByRole("form", { name: "Send USDC" });
  await send.getByLabel("Amount (USDC)").fill("10.00");
  await send.getByLabel("Destination").selectOption({ label: `Treasury wallet · ${ADDRESS}` });
  await send.getByRole("button", { name: "Review payout" }).click();
  await expect(send.getByTestId("payout-review")).toContainText("10.00 USDC");
  await send.getByRole("button", { name: "Confirm and send" }).click();
  const payout = owner.getByTestId("payout").filter({ hasText: "Treasury wallet" }).first();
  await expect(payout).toHaveAttribute("data-status", "processing");
  await payout.getByRole("button", { name: "Post" }).click();
  await expect(payout).toHaveAttribute("data-status", "posted");
  await owner.goto("/dashboard");
  await expect(owner.getByTestId("balance-available")).toHaveText("78.00 USDC");
});
