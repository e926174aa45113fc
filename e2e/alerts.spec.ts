import { expect, test, type APIRequestContext } from "@playwright/test";
import type Stripe from "stripe";
import { purchase, sandboxStripe, signInAdmin } from "./admin-helpers";
import { inviteCardholder } from "./spend-helpers";

// Issue 17: a purchase over the card's limit is declined; its holder sees an alert in the bell and
// gets one email (in the sandbox's mailbox); replaying the webhook adds neither a second alert nor
// a second email. The holder then switches declined-purchase emails off: the next decline is an
// alert in the app only. The owner finds the first email in the sandbox tools' outbox.

const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111";
type Mail = { to: string[]; subject: string; text: string };

async function mailTo(request: APIRequestContext, email: string): Promise<Mail[]> {
  const res = await request.get(`${sandboxUrl}/_sandbox/mail?to=${encodeURIComponent(email)}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { data: Mail[] }).data;
}

test("a declined purchase alerts its cardholder once (bell and one email), even after the webhook is replayed; emails they switch off stop, alerts don't", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { owner, person, email, holderId, accountId } = await inviteCardholder(browser, "Dana", "Declined");
  const stripe = sandboxStripe();
  const o = { stripeAccount: accountId };
  const fa = (await stripe.treasury.financialAccounts.list({}, o)).data[0]!.id;
  const card = await stripe.issuing.cards.create(
    {
      cardholder: holderId,
      currency: "usd",
      type: "virtual",
      status: "active",
      financial_account: fa,
      spending_controls: { spending_limits: [{ amount: 2_000, interval: "daily" }] },
    },
    o,
  );
  const declined = await purchase(stripe, accountId, card.id, "eating_places_restaurants", 5_000);
  expect(declined.approved).toBe(false);

  const bell = person.getByTestId("notification-bell");
  await expect(async () => {
    await person.reload();
    await expect(bell).toHaveAttribute("data-unread", "1", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await bell.click();
  await expect(person).toHaveURL(/\/notifications$/);
  const alert = person.getByTestId("notification").filter({ hasText: "Purchase declined: $50.00" });
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveAttribute("data-kind", "purchase_declined");
  await expect.poll(async () => (await mailTo(request, email)).length, { timeout: 20_000 }).toBe(1);
  expect((await mailTo(request, email))[0]!.subject).toBe("Purchase declined: $50.00 at E2E Merchant");

  // The platform admin replays the authorization's event into the handler.
  const events = await stripe.events.list({ type: "issuing_authorization.*", limit: 50 }, o);
  const event = events.data.find((e: Stripe.Event) => (e.data.object as { id?: string }).id === declined.id);
  expect(event, "the declined authorization's event").toBeTruthy();
  const admin = await (await browser.newContext()).newPage();
  await signInAdmin(admin);
  await admin.goto(`/admin/events/${event!.id}`);
  await admin.getByRole("button", { name: "Replay into the handler" }).click();
  await admin.getByRole("button", { name: "Confirm: replay" }).click();
  await expect(admin.getByText("Replayed and applied.")).toBeVisible();

  // Still one alert and one email; marking it read clears the bell.
  await person.reload();
  await expect(person.getByTestId("notification").filter({ hasText: "Purchase declined: $50.00" })).toHaveCount(1);
  await expect(bell).toHaveAttribute("data-unread", "1");
  expect(await mailTo(request, email)).toHaveLength(1);
  await person.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAttribute("data-unread", "0");

  // The holder switches declined-purchase emails off; the choice holds after a reload.
  const choices = person.getByRole("form", { name: "Email choices" });
  const declines = choices.getByRole("checkbox", { name: "A purchase on my card is declined" });
  await expect(declines).toBeChecked();
  await declines.uncheck();
  await choices.getByRole("button", { name: "Save" }).click();
  await expect(person.getByTestId("email-choices-saved")).toBeVisible();
  await person.reload();
  await expect(declines).not.toBeChecked();
  await expect(choices.getByRole("checkbox", { name: "My card request is approved or declined" })).toBeChecked();

  // A second decline: a second alert in the app, no second email.
  const again = await purchase(stripe, accountId, card.id, "eating_places_restaurants", 6_000);
  expect(again.approved).toBe(false);
  await expect(async () => {
    await person.reload();
    await expect(bell).toHaveAttribute("data-unread", "1", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(person.locator('[data-testid="notification"][data-kind="purchase_declined"]')).toHaveCount(2);

  // The owner's outbox (sandbox tools) lists the first email to the holder, body and all, and no
  // second: the outbox row would have been written with the alert, in the same transaction.
  await owner.goto("/sandbox-tools");
  const outbox = owner.getByTestId("outbox");
  const toHolder = outbox.getByTestId("outbox-email").filter({ hasText: `To ${email}` });
  await expect(toHolder).toHaveCount(1);
  await expect(toHolder).toContainText("Purchase declined: $50.00 at E2E Merchant");
  await expect(toHolder).toHaveAttribute("data-kind", "notify.purchase_declined");
  await expect(toHolder.getByTestId("outbox-status")).toHaveText("Sent");
  await toHolder.getByText("Show the email").click();
  await expect(toHolder.locator("pre")).toContainText("Open it:");
  expect(await mailTo(request, email)).toHaveLength(1);

  // The demo month's emails fill more than one page: paging lands back on the outbox, not the page top.
  await owner.getByRole("navigation", { name: "Outbox pages" }).getByRole("link", { name: "Older" }).click();
  await expect(owner).toHaveURL(/\/sandbox-tools\?outbox=2#outbox$/);
  await expect(owner.getByRole("navigation", { name: "Outbox pages" })).toContainText("Page 2 of");
  await expect(outbox.getByRole("heading", { name: "Emails sent (outbox)" })).toBeInViewport();
});
