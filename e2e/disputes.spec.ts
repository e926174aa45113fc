import { expect, test, type Page } from "@playwright/test";
import { signUpAndOnboard, uniqueEmail } from "./helpers";
import {
  accountByEmail,
  createVirtualCard,
  goTo,
  journeyStripe,
  purchaseAndCapture,
  receiveAchCredit,
} from "./journey-steps";

/** Reloads until `check` passes: the read model follows Stripe through webhooks. */
async function eventually(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000 });
}

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
