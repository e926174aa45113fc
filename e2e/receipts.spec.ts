import { expect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";
import { inviteCardholder } from "./spend-helpers";

// A cardholder's receipts, end to end: the owner's policy (a receipt above an amount, cards frozen
// after a day without one), the purchase that needs one, a text file named .png refused, the job
// freezing the card once the sandbox clock passes the deadline, and the upload that unfreezes it.
const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("a cardholder's missing receipt freezes their card after the policy's days, and uploading it unfreezes the card", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const invited = await inviteCardholder(browser, "Rita", "Receipts", {
    email: uniqueEmail("receipts-cardholder"),
    card: { dailyLimit: 500_000, fund: 200_000 },
  });
  const { owner, person, stripe } = invited;
  const card = invited.card.id;
  const opts = { stripeAccount: invited.accountId };

  // The owner requires receipts above $900 (high, so other specs' purchases are not caught) and freezes after a day.
  await owner.goto("/receipts");
  const policy = owner.getByRole("form", { name: "Receipt policy" });
  await policy.getByLabel(/Receipt required above/).fill("12.345");
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(policy.locator('[data-field-error="requiredAbove"]')).toHaveText("Use at most 2 decimal places");
  await policy.getByLabel(/Receipt required above/).fill("900");
  await policy.getByLabel(/Freeze a cardholder's cards after/).fill("1");
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(owner.getByTestId("policy-saved")).toContainText("Receipts are required above $900.00");

  // A $950 purchase, captured: it needs a receipt.
  const auth = await stripe.testHelpers.issuing.authorizations.create(
    { card, amount: 95_000, currency: "usd", merchant_data: { name: "Grand Receipts Hotel" } },
    opts,
  );
  expect(auth.approved).toBe(true);
  await stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
  const missing = person.getByTestId("my-missing-count");
  await expect(async () => {
    await person.goto("/my-cards");
    await expect(missing).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(person.getByTestId("my-card-status")).toHaveText("Active");

  // The owner sees it among the business's missing receipts, filtered to the cardholder.
  await owner.goto("/receipts");
  await expect(owner.getByTestId("missing-receipts").getByRole("link", { name: "Grand Receipts Hotel" })).toBeVisible();

  // From the cardholder's list to the purchase page: a text file named .png is refused, nothing is stored.
  await person.getByTestId("missing-receipts").getByRole("link", { name: "Grand Receipts Hotel" }).click();
  await expect(person).toHaveURL(new RegExp(`/my-cards/purchases/${auth.id}$`));
  await expect(person.getByTestId("purchase-amount")).toHaveText("$950.00");
  const file = person.locator('input[type="file"][name="file"]');
  await expect(file).toHaveAttribute("accept", "image/*,application/pdf");
  await expect(file).toHaveAttribute("capture", "environment");
  await file.setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: Buffer.from("not a picture at all") });
  await person.getByRole("button", { name: "Upload receipt" }).click();
  await expect(person.locator('[data-field-error="file"]')).toContainText("isn't a PDF, JPEG, PNG, WebP or HEIC");
  await expect(person.getByTestId("no-receipt")).toBeVisible();

  // The cardholder codes the purchase for the books; the owner's purchase page shows the memo.
  const coding = person.getByRole("form", { name: "Category and memo for Grand Receipts Hotel" });
  await coding.getByLabel("Category").selectOption({ label: "Travel" });
  await coding.getByLabel("Memo").fill("Conference hotel");
  await coding.getByRole("button", { name: "Save" }).click();
  await expect(coding.getByRole("status")).toHaveText("Saved");
  await owner.goto(`/purchases/${auth.id}`);
  const ownerCoding = owner.getByRole("form", { name: "Category and memo for Grand Receipts Hotel" });
  await expect(ownerCoding.getByLabel("Memo")).toHaveValue("Conference hotel");
  await expect(ownerCoding.getByLabel("Category").locator("option:checked")).toHaveText("Travel");

  // Two days later by the sandbox clock the job freezes the card.
  const moved = await fetch(`${sandboxUrl}/_sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advance_seconds: 2 * 86_400 }),
  });
  expect(moved.ok).toBe(true);
  await expect(async () => {
    await person.goto("/my-cards");
    await expect(person.getByTestId("my-card-status")).toHaveText("Frozen", { timeout: 1000 });
  }).toPass({ timeout: 90_000, intervals: [2000] });
  expect((await stripe.issuing.cards.retrieve(card, {}, opts)).status).toBe("inactive");

  // A 10 MB receipt is refused in words, and nothing is stored.
  await person.goto(`/my-cards/purchases/${auth.id}`);
  const tenMb = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 - 9, 0x20)]);
  await file.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: tenMb });
  await person.getByRole("button", { name: "Upload receipt" }).click();
  await expect(person.locator('[data-field-error="file"]')).toHaveText(
    "This file is 10.0 MB: receipts can be up to 8 MB",
  );
  await expect(person.getByTestId("no-receipt")).toBeVisible();

  // The receipt arrives: the card works again, and nothing is missing.
  await file.setInputFiles({ name: "hotel.png", mimeType: "image/png", buffer: PNG });
  await person.getByRole("button", { name: "Upload receipt" }).click();
  await expect(person.getByTestId("receipt-saved")).toContainText("your cards work again");
  await expect(person.getByRole("img", { name: /Receipt for Grand Receipts Hotel/ })).toBeVisible();
  const served = await person.request.get(`/api/receipts/${auth.id}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(served.headers()["content-disposition"]).toMatch(/^inline/);
  expect(Buffer.from(await served.body()).equals(PNG)).toBe(true);
  await person.goto("/my-cards");
  await expect(missing).toHaveText("0");
  await expect(person.getByTestId("my-card-status")).toHaveText("Active");
  expect((await stripe.issuing.cards.retrieve(card, {}, opts)).status).toBe("active");

  // Another business's owner gets neither the receipt nor the purchase page.
  const stranger = await (await browser.newContext()).newPage();
  await signIn(stranger, "owner@mx.test");
  await expect(stranger).toHaveURL(/\/dashboard$/);
  expect((await stranger.request.get(`/api/receipts/${auth.id}`)).status()).toBe(404);
  expect((await stranger.goto(`/purchases/${auth.id}`))?.status()).toBe(404);
  // Acme's owner sees it on the business's purchase page.
  await owner.goto(`/purchases/${auth.id}`);
  await expect(owner.getByTestId("receipt")).toContainText("hotel.png");

  // Leave Acme without a receipt policy for the other specs.
  await owner.goto("/receipts");
  await policy.getByLabel(/Receipt required above/).fill("");
  await policy.getByLabel(/Freeze a cardholder's cards after/).fill("");
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(owner.getByTestId("policy-saved")).toHaveText("Receipts are not required.");
});
