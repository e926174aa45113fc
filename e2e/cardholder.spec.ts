import { expect, test, type Page } from "@playwright/test";
import { US_NAME } from "./admin-helpers";
import { expectSignedInAs, signIn, uniqueEmail } from "./helpers";
import { inviteCardholder } from "./spend-helpers";

// A person who carries Acme's card (issue 16): the owner invites them as a new cardholder, they
// sign up through the link, land on their cards, see only theirs, freeze one and report it lost,
// and get the replacement with the same limit; the business's own pages refuse them.

const myCards = (page: Page) => page.getByTestId("my-card");

test("an owner invites a new cardholder, who sees only their card, freezes it, reports it lost and gets its replacement", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@us.test");
  await expect(owner).toHaveURL(/\/dashboard$/);
  await owner.goto("/team");
  const form = owner.getByRole("form", { name: "Invite a cardholder" });

  // Bad input is explained next to each field, and nothing is created.
  const email = uniqueEmail("cardholder");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("First name").fill("Casey");
  await form.getByLabel("Last name").fill("Carrier");
  await form.getByRole("button", { name: "Invite cardholder" }).click();
  await expect(form.locator('[data-field-error="line1"]')).toHaveText("Enter the street address");
  await expect(form.locator('[data-field-error="postalCode"]')).toHaveText("Enter the postal code");
  await expect(form.locator('[data-field-error="terms"]')).toHaveText(
    "The cardholder must accept the card program's terms",
  );

  // Corrected, it invites them; the business issues them a card with a daily limit (as its card list
  // would), and they sign up through the link and land on their own cards.
  const {
    person,
    card,
    stripe,
    accountId: acct,
  } = await inviteCardholder(browser, "Casey", "Carrier", {
    owner,
    email,
    card: { dailyLimit: 20_000 },
  });
  await expectSignedInAs(person, email);
  await expect(person.getByText(`${US_NAME} · cardholder`)).toBeVisible();
  // The card reaches the read model through its webhook.
  await expect(async () => {
    await person.reload();
    await expect(myCards(person)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const mine = myCards(person).first();
  await expect(mine).toHaveAttribute("data-card", card.id);
  await expect(mine.getByRole("heading", { level: 2 })).toContainText(card.last4);
  await expect(mine.getByTestId("spending-left")).toContainText("$200.00 left of $200.00");
  await expect(person.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My cards"]);

  // Freeze, after confirming.
  await mine.getByRole("button", { name: "Freeze card" }).click();
  await person.getByRole("alertdialog").getByRole("button", { name: "Freeze" }).click();
  await expect(mine.getByTestId("my-card-status")).toHaveText("Frozen");
  // They froze it themselves, so they may unfreeze it.
  await expect(mine.getByRole("button", { name: "Unfreeze card" })).toBeVisible();

  // Report it lost: it is canceled and replaced by a card of theirs with the same limit.
  await mine.getByRole("button", { name: "Report lost or stolen" }).click();
  const dialog = person.getByRole("alertdialog");
  await dialog.getByLabel("Lost").check();
  await dialog.getByRole("button", { name: "Replace card" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(myCards(person)).toHaveCount(2);
  const current = person.getByTestId("my-cards").getByTestId("my-card");
  await expect(current).toHaveCount(1);
  await expect(current.getByTestId("my-card-status")).toHaveText("Active");
  await expect(current.getByTestId("replacement-for")).toHaveText(`Replacement for •••• ${card.last4}`);
  await expect(current.getByTestId("spending-left")).toContainText("$200.00 left of $200.00");
  const past = person.getByTestId("past-cards").getByTestId("my-card");
  await expect(past.getByTestId("my-card-status")).toHaveText("Canceled");
  await expect(past).toContainText("canceled as lost");
  const newId = await current.getAttribute("data-card");
  const newLast4 = (await stripe.issuing.cards.retrieve(newId!, {}, { stripeAccount: acct })).last4;
  await expect(past.getByTestId("replaced-by")).toHaveText(`Replaced by •••• ${newLast4}`);
  const replaced = await stripe.issuing.cards.retrieve(newId!, {}, { stripeAccount: acct });
  expect(replaced.replacement_for).toBe(card.id);
  expect(replaced.replacement_reason).toBe("lost");
  expect(replaced.spending_controls.spending_limits?.map((l) => [l.amount, l.interval])).toEqual([[20_000, "daily"]]);

  // On a phone the page fits the screen.
  await person.setViewportSize({ width: 390, height: 844 });
  expect(
    await person.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  ).toBe(true);

  // The business's pages refuse them.
  for (const path of ["/dashboard", `/cards/${newId}`, "/team"]) {
    const response = await person.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(person.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }

  // The owner's card page links both ways.
  await owner.goto(`/cards/${card.id}`);
  await expect(owner.getByTestId("replaced-by")).toHaveText(`Replaced by •••• ${newLast4}`);
  await owner.getByTestId("replaced-by").getByRole("link").click();
  await expect(owner.getByTestId("replacement-for")).toHaveText(`Replacement for •••• ${card.last4}`);
  await expect(owner.getByRole("button", { name: "Replace card" })).toBeVisible();
});
