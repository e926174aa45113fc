import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type Stripe from "stripe";
import { US_NAME, sandboxStripe } from "./admin-helpers";
import { signIn, uniqueEmail } from "./helpers";
import { signInAs } from "./pages";

// Shared by the cardholder, receipt, card-request and alert journeys: Acme's owner invites a fresh
// cardholder, who signs up through the link and lands on their cards.

export async function acmeAccount(stripe: Stripe = sandboxStripe()): Promise<string> {
  const accounts = await stripe.accounts.list({ limit: 100 });
  const acme = accounts.data.find((a) => a.business_profile?.name === US_NAME || a.company?.name === US_NAME);
  if (!acme) throw new Error("Acme's connected account was not found in the sandbox");
  return acme.id;
}

export type NewCardholder = {
  owner: Page;
  person: Page;
  email: string;
  holderId: string;
  accountId: string;
  stripe: Stripe;
};

type InviteOptions = {
  /** Acme's owner, signed in; without it one signs in. Left on /team, it carries on with the form there. */
  owner?: Page;
  email?: string;
  /** An active virtual card the business issues before they sign up, with this daily limit (cents). */
  card?: { dailyLimit: number; /** Cents credited to Acme's financial account first. */ fund?: number };
};

export async function inviteCardholder(
  browser: Browser,
  first: string,
  last: string,
  options: InviteOptions & { card: NonNullable<InviteOptions["card"]> },
): Promise<NewCardholder & { card: Stripe.Issuing.Card }>;
export async function inviteCardholder(
  browser: Browser,
  first: string,
  last: string,
  options?: InviteOptions,
): Promise<NewCardholder>;
export async function inviteCardholder(
  browser: Browser,
  first: string,
  last: string,
  options: InviteOptions = {},
): Promise<NewCardholder & { card?: Stripe.Issuing.Card }> {
  let owner = options.owner;
  if (!owner) {
    owner = await (await browser.newContext()).newPage();
    await signIn(owner, "owner@us.test");
    await expect(owner).toHaveURL(/\/dashboard$/);
  }
  const email = options.email ?? uniqueEmail(first.toLowerCase());
  const link = await cardholderInviteLink(owner, email, first, last);

  const stripe = sandboxStripe();
  const accountId = await acmeAccount(stripe);
  const opts = { stripeAccount: accountId };
  const holder = (await stripe.issuing.cardholders.list({ email }, opts)).data[0];
  if (!holder) throw new Error(`no cardholder for ${email}`);
  expect(holder.name).toBe(`${first} ${last}`);

  let card: Stripe.Issuing.Card | undefined;
  if (options.card) {
    const fa = (await stripe.treasury.financialAccounts.list({}, opts)).data[0]!.id;
    if (options.card.fund) {
      await stripe.testHelpers.treasury.receivedCredits.create(
        {
          financial_account: fa,
          network: "ach",
          amount: options.card.fund,
          currency: "usd",
          description: `Funds for ${first} ${last}'s card`,
        },
        opts,
      );
    }
    card = await stripe.issuing.cards.create(
      {
        cardholder: holder.id,
        currency: "usd",
        type: "virtual",
        status: "active",
        financial_account: fa,
        spending_controls: { spending_limits: [{ amount: options.card.dailyLimit, interval: "daily" }] },
      },
      opts,
    );
  }

  const person = await (await browser.newContext()).newPage();
  await person.goto(link);
  await person.getByRole("link", { name: "Create an account" }).click();
  await person.getByLabel("Your name").fill(`${first} ${last}`);
  await person.getByLabel("Work email").fill(email);
  await person.getByLabel("Password").fill("cardholder-password-1");
  await person.getByRole("button", { name: "Create account" }).click();
  await expect(person.getByTestId("invite-role")).toHaveText("a cardholder");
  await person.getByRole("button", { name: "Accept invitation" }).click();
  await expect(person).toHaveURL(/\/my-cards$/);
  return { owner, person, email, holderId: holder.id, accountId, stripe, card };
}

/**
 * The link an owner's "Invite a cardholder" form makes for `email` (a cardholder at Acme's address).
 * A spec that first showed the form's refusals, left on /team, corrects that same form.
 */
export async function cardholderInviteLink(owner: Page, email: string, first: string, last: string): Promise<string> {
  if (!owner.url().endsWith("/team")) await owner.goto("/team");
  const form = owner.getByRole("form", { name: "Invite a cardholder" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("First name").fill(first);
  await form.getByLabel("Last name").fill(last);
  await form.getByLabel("Billing address").fill("1 Market St");
  await form.getByLabel("City").fill("San Francisco");
  await form.getByLabel("State").fill("CA");
  await form.getByLabel("Postal code").fill("94105");
  await form.getByLabel(/Authorized User Terms/).check();
  await form.getByRole("button", { name: "Invite cardholder" }).click();
  const link = await owner.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  return link;
}

/** The invitation link an owner's Team page makes for `email` in `role`. */
export async function inviteLink(owner: Page, email: string, role: "admin" | "member"): Promise<string> {
  await owner.goto("/team");
  const form = owner.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create invitation link" }).click();
  await expect(owner.getByTestId("invite-link")).toHaveValue(/\/invite\//);
  return owner.getByTestId("invite-link").inputValue();
}

/** The US owner invites a new person as a member of Acme; they sign up through the link and accept. */
export async function acmeMember(
  browser: Browser,
  memberContext?: BrowserContext,
): Promise<{ page: Page; email: string; password: string }> {
  const owner = await (await browser.newContext()).newPage();
  await signInAs(owner, "owner@us.test");
  const email = uniqueEmail("member");
  const link = await inviteLink(owner, email, "member");
  await owner.context().close();

  const password = "member-password-1";
  const page = await (memberContext ?? (await browser.newContext())).newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Mo Member");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`${US_NAME} · member`)).toBeVisible();
  return { page, email, password };
}
