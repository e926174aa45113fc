import { expect, test } from "@playwright/test";
import { openReview, signInAdmin } from "./admin-helpers";
import { eventually, signUpAndOnboard, uniqueEmail } from "./helpers";
import {
  accountByEmail,
  createVirtualCard,
  goTo,
  journeyStripe,
  purchaseAndCapture,
  receiveAchCredit,
} from "./journey-steps";

/** A one-pixel PNG: real image bytes, as a receipt photo would be. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("disputes: an owner disputes a captured purchase with a receipt as evidence (a text file named .pdf refused first), submits it, it is won and the balance is back", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("chargeback");
  await signUpAndOnboard(page, { email, legalName: "Dispute Goods Inc.", country: "US" });
  const account = await accountByEmail(email);
  const opts = { stripeAccount: account.id };

  // Money in, a card, a purchase captured.
  await receiveAchCredit(page, "300.00");
  const card = await createVirtualCard(page, account.id, {
    line1: "1 Main St",
    city: "San Francisco",
    postalCode: "94111",
  });
  await purchaseAndCapture(page, card.id, "42.50", "USD");
  await goTo(page, "Home", "dashboard");
  await expect(page.getByTestId("balance-available")).toHaveText("$257.50");

  // No disputes yet.
  await goTo(page, "Disputes", "disputes");
  await expect(page.getByTestId("disputes-empty")).toBeVisible();

  // The card page lists the capture with a Dispute action.
  await page.goto(`/cards/${card.id}`);
  const captures = page.getByTestId("card-captures");
  await eventually(page, () => expect(captures.getByTestId("capture-row")).toHaveCount(1, { timeout: 1000 }));
  await captures.getByRole("button", { name: /^Dispute / }).click();
  const form = captures.getByRole("form", { name: /^Dispute / });
  await form.getByLabel("Reason").selectOption("fraudulent");
  await form.getByLabel("What happened").fill("The cardholder never bought anything from this merchant.");

  // A text file renamed .pdf is refused next to the file field, and nothing is created.
  await form.locator('input[type="file"]').setInputFiles({
    name: "receipt.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("this is not a PDF, just text"),
  });
  await form.getByRole("button", { name: "Open dispute" }).click();
  await expect(form.locator('[data-field-error="file"]')).toContainText("isn't a PDF, JPEG or PNG");
  expect((await journeyStripe.issuing.disputes.list({}, opts)).data).toHaveLength(0);
  await expect(form.getByLabel("What happened")).toHaveValue(
    "The cardholder never bought anything from this merchant.",
  );

  // A real image opens the dispute, with the file as evidence.
  await form.locator('input[type="file"]').setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "Open dispute" }).click();
  await expect(captures.getByTestId("capture-row").getByTestId("dispute-status")).toHaveText("unsubmitted");
  const opened = (await journeyStripe.issuing.disputes.list({}, opts)).data;
  expect(opened).toHaveLength(1);
  expect(opened[0]!.evidence.fraudulent?.additional_documentation).toMatch(/^file_/);

  // A fraud dispute marks the card (Stripe's fraud_dispute_filed): the card page warns, offering Cancel and replace.
  await page.reload();
  const warning = page.getByTestId("fraud-warning");
  await expect(warning).toContainText("a fraud dispute was filed on this card");
  await expect(warning.getByRole("button", { name: "Cancel and replace" })).toBeVisible();

  // The disputes page lists it, unsubmitted, with its deadline; submitting it, the sandbox decides: won.
  await goTo(page, "Disputes", "disputes");
  const row = page.getByTestId("dispute-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("$42.50");
  await expect(row.getByTestId("dispute-status")).toHaveText("unsubmitted");
  await expect(row.getByTestId("dispute-deadline")).not.toHaveText("—");
  await row.getByRole("button", { name: "Submit" }).click();
  await eventually(page, () => expect(row.getByTestId("dispute-status")).toHaveText("won", { timeout: 1000 }));

  // The money is back.
  await goTo(page, "Home", "dashboard");
  await expect(page.getByTestId("balance-available")).toHaveText("$300.00");
});

test("disputes from the business's purchases list (a duplicate names the earlier charge) and from the admin's account review (not received, its date asked for)", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("twicecharged");
  const stamp = String(Date.now());
  const legalName = `Twice Charged ${stamp} Inc.`;
  await signUpAndOnboard(page, { email, legalName, country: "US" });
  const account = await accountByEmail(email);
  const opts = { stripeAccount: account.id };
  await receiveAchCredit(page, "300.00");
  const card = await createVirtualCard(page, account.id, { line1: "1 Main St", city: "Austin", postalCode: "73301" });
  for (const [name, amount] of [
    ["Twice Charged LLC", 1500],
    ["Twice Charged LLC", 1500],
    ["Never Shipped Co", 2500],
  ] as const) {
    const auth = await journeyStripe.testHelpers.issuing.authorizations.create(
      { card: card.id, amount, merchant_data: { name } },
      opts,
    );
    expect(auth.approved).toBe(true);
    await journeyStripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
  }
  const captures = (await journeyStripe.issuing.transactions.list({ card: card.id }, opts)).data;
  const [first, second] = captures.filter((t) => t.merchant_data.name === "Twice Charged LLC").reverse();

  // The disputes page lists every card's captured purchases; the later double charge is disputed as a duplicate.
  await goTo(page, "Disputes", "disputes");
  const purchases = page.getByTestId("card-captures");
  await eventually(page, () => expect(purchases.getByTestId("capture-row")).toHaveCount(3, { timeout: 1000 }));
  const row = purchases.locator(`[data-transaction="${second!.id}"]`);
  await row.getByRole("button", { name: /^Dispute / }).click();
  const form = row.getByRole("form", { name: /^Dispute / });
  await form.getByLabel("Reason").selectOption("duplicate");
  await form.getByLabel("The purchase it duplicates").selectOption(first!.id);
  await form.getByLabel("What happened").fill("The merchant charged the same order twice.");
  await form.getByRole("button", { name: "Open dispute" }).click();
  await expect(row.getByTestId("dispute-status")).toHaveText("unsubmitted");
  await expect(page.getByTestId("dispute-row")).toHaveCount(1);
  const [dup] = (await journeyStripe.issuing.disputes.list({}, opts)).data;
  expect([dup?.evidence.reason, dup?.evidence.duplicate?.original_transaction]).toEqual(["duplicate", first!.id]);

  // The platform admin disputes the undelivered order from the account review: the date is asked for first.
  const adminPage = await (await browser.newContext()).newPage();
  await signInAdmin(adminPage);
  await openReview(adminPage, stamp, legalName);
  const never = adminPage.getByTestId("capture-row").filter({ hasText: "Never Shipped Co" });
  await never.getByRole("button", { name: /^Dispute / }).click();
  const adminForm = never.getByRole("form", { name: /^Dispute / });
  await adminForm.getByLabel("Reason").selectOption("not_received");
  await adminForm.getByLabel("What happened").fill("Ordered a month ago; nothing arrived.");
  await adminForm.getByRole("button", { name: "Open dispute" }).click();
  await expect(adminForm.locator('[data-field-error="eventDate"]')).toContainText("Enter the date");
  expect((await journeyStripe.issuing.disputes.list({}, opts)).data).toHaveLength(1);
  await adminForm.getByLabel("When was it expected?").fill("2026-11-20");
  await adminForm.getByRole("button", { name: "Open dispute" }).click();
  await expect(never.getByTestId("dispute-status")).toHaveText("unsubmitted");
  const all = (await journeyStripe.issuing.disputes.list({}, opts)).data;
  const notReceived = all.find((d) => d.evidence.reason === "not_received");
  expect(notReceived?.evidence.not_received?.expected_at).toBe(Date.parse("2026-11-20T12:00:00Z") / 1000);
});
