import { expect, test } from "@playwright/test";
import { acmeMember, inviteCardholder } from "./spend-helpers";

// Issue 17: a cardholder asks for a card with a limit; an owner approves it (twice, as a double
// click would: one card); the card appears on the cardholder's list with the limit asked for.
// Then they ask for a physical card (its address checked) and withdraw the request. A member asks
// for a card for one of the business's cardholders, and sees it in the business's cards once approved.

test("a cardholder requests a card, an owner approves it, and it appears in their cards with the requested limit", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { owner, person } = await inviteCardholder(browser, "Reese", "Requester");
  await expect(person.getByTestId("no-cards")).toBeVisible();

  const form = person.getByRole("form", { name: "Request a card" });
  await form.getByLabel("What is it for?").fill("Client dinners");
  await form.getByLabel(/Spending limit/).fill("12.5x");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.locator('[data-field-error="amount"]')).toBeVisible();
  await form.getByLabel(/Spending limit/).fill("345.67");
  await form.getByLabel("Resets").selectOption("weekly");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByTestId("request-sent")).toBeVisible();
  const mine = person.getByTestId("card-request").filter({ hasText: "Client dinners" });
  await expect(mine.getByTestId("request-status")).toHaveText("pending");
  await expect(mine.getByTestId("request-limit")).toHaveText("$345.67 per week");

  // The owner is told (bell), and decides on Requests.
  await owner.goto("/requests");
  await expect(owner.getByTestId("notification-bell")).not.toHaveAttribute("data-unread", "0");
  const pending = owner.getByTestId("card-request").filter({ hasText: "Client dinners" });
  await expect(pending).toHaveAttribute("data-status", "pending");
  await pending.getByRole("button", { name: "Approve" }).click();
  const dialog = owner.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "Approve" }).dblclick();
  await expect(owner.getByTestId("card-request").filter({ hasText: "Client dinners" })).toHaveAttribute(
    "data-status",
    "approved",
  );

  // One card, with the limit asked for (it reaches the read model through its webhook).
  await expect(async () => {
    await person.reload();
    await expect(person.getByTestId("my-card")).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(person.getByTestId("my-card").getByTestId("spending-left")).toContainText("of $345.67");
  await expect(person.getByTestId("card-request").filter({ hasText: "Client dinners" })).toHaveAttribute(
    "data-status",
    "approved",
  );
  await expect(person.getByTestId("notification-bell")).toHaveAttribute("data-unread", "1");

  // A physical card needs the address it ships to; the requester can withdraw a pending request.
  await form.getByLabel("Virtual or physical").selectOption("physical");
  await form.getByLabel("What is it for?").fill("Site visits");
  await form.getByLabel(/Spending limit/).fill("80");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.locator('[data-field-error="line1"]')).toBeVisible();
  await form.getByLabel("Name on the parcel").fill("Reese Requester");
  await form.getByLabel("Street address").fill("1 Main St");
  await form.getByLabel("City").fill("Springfield");
  await form.getByLabel("Postal code").fill("62701");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByTestId("request-sent")).toBeVisible();
  const physical = person.getByTestId("card-request").filter({ hasText: "Site visits" });
  await expect(physical).toContainText("New physical card");
  await expect(physical.getByTestId("request-shipping")).toContainText("Springfield 62701");
  // The owner's approval of a physical card asks which design it is printed with, the default chosen.
  await owner.goto("/requests");
  await owner
    .getByTestId("card-request")
    .filter({ hasText: "Site visits" })
    .getByRole("button", { name: "Approve" })
    .click();
  const approving = owner.getByRole("alertdialog");
  await expect(approving.getByLabel("Card design").locator("option:checked")).toContainText("(default)");
  await approving.getByRole("button", { name: "Cancel" }).click();
  await expect(approving).toHaveCount(0);
  await physical.getByRole("button", { name: "Cancel request" }).click();
  await person.getByRole("alertdialog").getByRole("button", { name: "Cancel the request" }).click();
  await expect(physical).toHaveAttribute("data-status", "canceled");
  await expect(physical.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  // The owner sees it in the history, with nothing left to decide.
  await owner.goto("/requests");
  const seen = owner.getByTestId("card-request").filter({ hasText: "Site visits" });
  await expect(seen).toHaveAttribute("data-status", "canceled");
  await expect(seen.getByRole("button", { name: "Approve" })).toHaveCount(0);
});

test("a member requests a card for a cardholder, an owner approves it, and the member finds it in the cards with the requested limit", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The card's carrier: a new cardholder of Acme (the owner's page comes along for the approval).
  const { owner } = await inviteCardholder(browser, "Cary", "Carrier");
  const member = (await acmeMember(browser)).page;

  await member.goto("/requests");
  const form = member.getByRole("form", { name: "Request a card" });
  await form.getByLabel("What is it for?").fill("Trade show travel");
  await form.getByLabel(/Spending limit/).fill("250");
  await form.getByLabel("Resets").selectOption("monthly");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.locator('[data-field-error="cardholder"]')).toHaveText("Choose who carries the card");
  const carrier = form.getByLabel("Who carries it");
  const holder = await carrier.locator("option", { hasText: "Cary Carrier" }).getAttribute("value");
  await carrier.selectOption(holder!);
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByTestId("request-sent")).toBeVisible();
  const asked = member.getByTestId("card-request").filter({ hasText: "Trade show travel" });
  await expect(asked.getByTestId("request-limit")).toHaveText("$250.00 per month");
  // A member can't decide on requests, their own included.
  await expect(asked.getByRole("button", { name: "Approve" })).toHaveCount(0);

  await owner.goto("/requests");
  const pending = owner.getByTestId("card-request").filter({ hasText: "Trade show travel" });
  await pending.getByRole("button", { name: "Approve" }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
  await expect(pending).toHaveAttribute("data-status", "approved");

  // The member sees the request approved, and the card in the business's cards, with its limit.
  await member.goto("/requests");
  await expect(asked).toHaveAttribute("data-status", "approved");
  const link = member.getByTestId("card-links").getByRole("listitem").filter({ hasText: "Cary Carrier" });
  await expect(async () => {
    await member.goto("/cards");
    await expect(link).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await link.getByRole("link").click();
  await expect(member.getByTestId("limits")).toContainText("$250.00");
  await expect(member.getByTestId("limits")).toContainText(/monthly/i);
});
