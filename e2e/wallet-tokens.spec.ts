import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { eventually, signUpAndOnboard, uniqueEmail } from "./helpers";
import { accountByEmail, createVirtualCard, goTo, journeyStripe } from "./journey-steps";

test("digital wallets: a cardholder without phone or email can't add the card; once the owner gives them a phone on the card page, the owner adds it to Apple Pay from the sandbox tools, and suspends and resumes it on the card page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("wallet-tokens");
  await signUpAndOnboard(page, { email, legalName: "Pocket Pay Goods Inc.", country: "US" });
  const account = await accountByEmail(email);
  const opts = { stripeAccount: account.id };
  // The embedded list's cardholder form leaves the email empty: no phone, no email.
  const card = await createVirtualCard(page, account.id, {
    line1: "1 Main St",
    city: "San Francisco",
    postalCode: "94111",
  });

  // The card page says why the card can't go into a wallet, and lists none.
  await page.goto(`/cards/${card.id}`);
  const wallets = page.getByRole("region", { name: "Digital wallets" });
  await expect(wallets.getByTestId("wallet-ineligible")).toHaveText(
    "Add a phone number or email to the cardholder to use Apple Pay or Google Pay.",
  );
  await expect(wallets).toContainText("Not added to any wallet yet");

  // The sandbox (as the wallet would) refuses it, next to the card.
  await goTo(page, "Sandbox tools", "sandbox-tools");
  const add = page.getByRole("region", { name: "Add to a wallet" });
  await eventually(page, () => add.getByLabel("Card", { exact: true }).selectOption(card.id, { timeout: 1000 }).then());
  await add.getByRole("button", { name: "Add to wallet" }).click();
  await expect(add.locator('[data-field-error="card"]')).toHaveText(
    "Add a phone number or email to the cardholder to use Apple Pay or Google Pay.",
  );
  expect((await journeyStripe.issuing.tokens.list({ card: card.id }, opts)).data).toHaveLength(0);

  // The owner gives the cardholder a phone on the card page: a malformed one is explained next to it.
  await page.goto(`/cards/${card.id}`);
  const contact = wallets.getByRole("form", { name: "Cardholder contact" });
  await contact.getByLabel("Phone").fill("415 555 0123");
  await contact.getByRole("button", { name: "Save contact" }).click();
  await expect(contact.locator('[data-field-error="phone"]')).toContainText("with its country code");
  await expect(contact.getByLabel("Phone")).toHaveValue("415 555 0123");
  await expectAccessible(page, "card page, the cardholder's contact with an error");
  await contact.getByLabel("Phone").fill("+14155550123");
  await contact.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByTestId("toast")).toHaveText(
    "Saved. The cardholder can add this card to Apple Pay or Google Pay now.",
  );
  await expect(wallets.getByTestId("wallet-ineligible")).toHaveCount(0);
  await expect(contact).toHaveCount(0);
  const holder = typeof card.cardholder === "string" ? card.cardholder : card.cardholder.id;
  expect((await journeyStripe.issuing.cardholders.retrieve(holder, {}, opts)).phone_number).toBe("+14155550123");

  await goTo(page, "Sandbox tools", "sandbox-tools");
  await add.getByLabel("Card", { exact: true }).selectOption(card.id);
  await add.getByLabel("Wallet", { exact: true }).selectOption("apple_pay");
  await add.getByLabel("Device", { exact: true }).selectOption("phone");
  await add.getByLabel("Device name", { exact: true }).fill("Jo's iPhone");
  await add.getByRole("button", { name: "Add to wallet" }).click();
  await expect(add.getByTestId("wallet-result")).toContainText("Added to the wallet (active)");
  const tokens = (await journeyStripe.issuing.tokens.list({ card: card.id }, opts)).data;
  expect(tokens).toHaveLength(1);
  const token = tokens[0]!;
  expect(token.wallet_provider).toBe("apple_pay");
  expect(token.network_data?.device?.name).toBe("Jo's iPhone");

  // The card page lists it as active; no more ineligibility note.
  await add.getByRole("link", { name: "See the card" }).click();
  await expect(page).toHaveURL(new RegExp(`/cards/${card.id}$`));
  await expect(wallets.getByTestId("wallet-ineligible")).toHaveCount(0);
  const row = wallets.locator(`[data-token="${token.id}"]`);
  await expect(row).toContainText("Apple Pay");
  await expect(row).toContainText("phone");
  await expect(row).toContainText(`token •••• ${token.last4}`);
  await expect(row.getByTestId("token-status")).toHaveText("active");

  // Suspend: Stripe and the page agree.
  await row.getByRole("button", { name: "Suspend" }).click();
  await expect(row.getByTestId("token-status")).toHaveText("suspended");
  expect((await journeyStripe.issuing.tokens.retrieve(token.id, {}, opts)).status).toBe("suspended");
  await page.reload();
  await expect(row.getByTestId("token-status")).toHaveText("suspended");

  // Resume.
  await row.getByRole("button", { name: "Resume" }).click();
  await expect(row.getByTestId("token-status")).toHaveText("active");
  expect((await journeyStripe.issuing.tokens.retrieve(token.id, {}, opts)).status).toBe("active");

  // Removed in the wallet (the cardholder deletes it there): shown as removed, with no actions.
  await journeyStripe.issuing.tokens.update(token.id, { status: "deleted" }, opts);
  await eventually(page, () => expect(row.getByTestId("token-status")).toHaveText("removed", { timeout: 1000 }));
  await expect(row.getByRole("button")).toHaveCount(0);
});
