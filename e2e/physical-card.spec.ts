import { expect, test, type Page } from "@playwright/test";
import { eventually as reloadUntil, signUpAndOnboard, uniqueEmail } from "./helpers";
import { accountByEmail, createVirtualCard, goTo, journeyStripe, receiveAchCredit } from "./journey-steps";

/** The shared reload-until-passing wait, longer: a form's controls are disabled until the page has hydrated (slow on a busy machine). */
const eventually = (page: Page, check: () => Promise<void>) => reloadUntil(page, check, { timeout: 30_000 });

async function simulatePurchase(page: Page, cardId: string, amount: string): Promise<void> {
  await goTo(page, "Sandbox tools", "sandbox-tools");
  const purchase = page.getByRole("region", { name: "Simulate a card purchase" });
  await eventually(page, () =>
    purchase.getByLabel("Card", { exact: true }).selectOption(cardId, { timeout: 5000 }).then(),
  );
  await purchase.getByLabel("Amount (USD)").fill(amount);
  await purchase.getByRole("button", { name: "Simulate purchase" }).click();
}

test("physical card: ordered (a bad address first), shipped and delivered in the sandbox, activated only once delivered, a purchase approved; a decline says why", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("physical-card");
  await signUpAndOnboard(page, { email, legalName: "Parcel Goods Inc.", country: "US" });
  const account = await accountByEmail(email);
  const opts = { stripeAccount: account.id };

  // Money in, and a cardholder (with a virtual card) from the embedded cards list.
  await receiveAchCredit(page, "300.00");
  await createVirtualCard(page, account.id, { line1: "1 Main St", city: "San Francisco", postalCode: "94111" });

  // The order form: a missing postal code is refused next to its field, and nothing is ordered.
  const order = page.getByRole("region", { name: "Order a physical card" });
  await eventually(page, () =>
    order
      .getByLabel("Cardholder")
      .selectOption({ label: "Jo Journey" }, { timeout: 5000 })
      .then(() => undefined),
  );
  await expect(order.getByLabel("Card design")).toContainText("Default design (default)");
  await order.getByLabel("Name on the parcel").fill("Jo Journey");
  await order.getByLabel("Street address").fill("500 Market St");
  await order.getByLabel("City").fill("San Francisco");
  await order.getByLabel("State or region (optional)").fill("CA");
  await order.getByLabel("Shipping").selectOption("express");
  await order.getByRole("button", { name: "Order physical card" }).click();
  await expect(order.locator('[data-field-error="postalCode"]')).toHaveText("Enter a postal code");
  await expect(order.getByLabel("Postal code")).toHaveAttribute("aria-invalid", "true");
  expect((await journeyStripe.issuing.cards.list({ type: "physical" }, opts)).data).toHaveLength(0);

  // The corrected form orders one card, inactive, with the design chosen.
  await expect(order.getByLabel("Street address")).toHaveValue("500 Market St");
  await order.getByLabel("Postal code").fill("94105");
  await order.getByRole("button", { name: "Order physical card" }).click();
  await expect(order.getByTestId("order-result")).toContainText("ordered");
  const physical = (await journeyStripe.issuing.cards.list({ type: "physical" }, opts)).data;
  expect(physical).toHaveLength(1);
  const card = physical[0]!;
  expect(card.status).toBe("inactive");
  expect(card.shipping?.service).toBe("express");
  expect(card.shipping?.address.postal_code).toBe("94105");
  expect(card.personalization_design).toMatch(/^pd_/);

  // The card page: ordered, not yet activatable.
  await order.getByRole("link", { name: "follow its delivery" }).click();
  await expect(page).toHaveURL(new RegExp(`/cards/${card.id}$`));
  const delivery = page.getByRole("region", { name: "Delivery" });
  await expect(delivery.getByTestId("shipping-timeline")).toHaveAttribute("data-status", "pending");
  await delivery.getByRole("button", { name: "Activate card" }).click();
  await expect(delivery.getByTestId("form-alert")).toContainText("once it is delivered");
  expect((await journeyStripe.issuing.cards.retrieve(card.id, {}, opts)).status).toBe("inactive");

  // The sandbox ships it, then delivers it.
  await goTo(page, "Sandbox tools", "sandbox-tools");
  const row = page.getByTestId("physical-cards").locator(`[data-card="${card.id}"]`);
  await row.getByRole("button", { name: "Ship" }).click();
  await eventually(page, () => expect(row.getByTestId("shipping-status")).toHaveText("shipped", { timeout: 1000 }));
  await page.goto(`/cards/${card.id}`);
  await expect(delivery.getByTestId("shipping-timeline")).toHaveAttribute("data-status", "shipped");
  await expect(delivery.getByTestId("shipping-carrier")).toHaveText("USPS");
  await expect(delivery.getByTestId("shipping-tracking").getByRole("link")).toHaveAttribute(
    "href",
    /^https:\/\/tools\.usps\.com\//,
  );
  await expect(delivery.getByTestId("shipping-eta")).toBeVisible();
  await delivery.getByRole("button", { name: "Activate card" }).click();
  await expect(delivery.getByTestId("form-alert")).toContainText("it is on its way");

  await goTo(page, "Sandbox tools", "sandbox-tools");
  await row.getByRole("button", { name: "Deliver" }).click();
  await eventually(page, () => expect(row.getByTestId("shipping-status")).toHaveText("delivered", { timeout: 1000 }));

  // Delivered: the timeline shows it, and activation works.
  await page.goto(`/cards/${card.id}`);
  await expect(delivery.getByTestId("shipping-timeline")).toHaveAttribute("data-status", "delivered");
  await expect(delivery.locator('[data-step="delivered"]')).toHaveAttribute("data-done", "true");
  await delivery.getByRole("button", { name: "Activate card" }).click();
  await expect(page.getByTestId("card-status")).toHaveText("active");
  await expect(delivery.getByRole("button", { name: "Activate card" })).toHaveCount(0);
  expect((await journeyStripe.issuing.cards.retrieve(card.id, {}, opts)).status).toBe("active");

  // A purchase on it succeeds.
  await simulatePurchase(page, card.id, "12.00");
  await expect(page.getByTestId("purchase-result")).toContainText("Approved");

  // One beyond what the account holds is declined, and the card page says why in words.
  await simulatePurchase(page, card.id, "900.00");
  await expect(page.getByTestId("purchase-result")).toContainText("Declined");
  await page.goto(`/cards/${card.id}`);
  // Found by its amount: the two purchases can fall in the same second, which orders them as a tie.
  const declined = page.getByTestId("card-authorizations").locator("tbody tr").filter({ hasText: "$900.00" });
  await eventually(page, () => expect(declined).toContainText("Declined", { timeout: 1000 }));
  await expect(declined.getByTestId("decline-reason")).toContainText(
    "Not enough available balance for this purchase. Add money to the account",
  );
  // Home's recent activity says the same.
  await page.goto("/dashboard");
  await expect(page.getByTestId("recent-activity").getByTestId("decline-reason").first()).toContainText(
    "Not enough available balance",
  );

  // A single-use card: its one payment goes through, then it is canceled, and the next says so.
  await page.goto("/cards");
  const create = page.getByRole("region", { name: "Create a card with limits on its life" });
  await create.getByLabel("Cardholder").selectOption({ label: "Jo Journey" });
  await create.getByLabel("Uses").selectOption("count");
  await create.getByLabel("Number of payments").fill("0");
  await create.getByRole("button", { name: "Create virtual card" }).click();
  await expect(create.locator('[data-field-error="useCount"]')).toContainText("from 1 to 1000");
  await create.getByLabel("Uses").selectOption("single");
  await create.getByLabel("Ends on (optional)").fill("2099-12-31");
  await create.getByRole("button", { name: "Create virtual card" }).click();
  await expect(create.getByTestId("virtual-card-result")).toContainText("for 1 payment, ending on 2099-12-31");
  const href = await create.getByTestId("virtual-card-result").getByRole("link").getAttribute("href");
  const single = href!.split("/").pop()!;
  expect((await journeyStripe.issuing.cards.retrieve(single, {}, opts)).lifecycle_controls).toEqual({
    cancel_after: { payment_count: 1 },
  });
  await page.goto(`/cards/${single}`);
  await expect(page.getByTestId("card-lifecycle")).toHaveText(
    "Single-use card: canceled after one payment. Ends on Dec 31, 2099 (canceled at the end of that day, UTC).",
  );
  await simulatePurchase(page, single, "5.00");
  await expect(page.getByTestId("purchase-result")).toContainText("Approved");
  await simulatePurchase(page, single, "6.00");
  await expect(page.getByTestId("purchase-result")).toContainText("Declined");
  await page.goto(`/cards/${single}`);
  await eventually(page, () =>
    expect(page.getByTestId("decline-reason").first()).toContainText("The card is canceled", { timeout: 1000 }),
  );
});
