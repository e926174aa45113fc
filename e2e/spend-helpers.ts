import { expect, type Browser, type Page } from "@playwright/test";
import type Stripe from "stripe";
import { US_NAME, sandboxStripe } from "./admin-helpers";
import { signIn, uniqueEmail } from "./helpers";

// Shared by the card-request and alert journeys: Acme's owner invites a fresh cardholder (as
// e2e/cardholder.spec.ts does), who signs up through the link and lands on their cards.

export async function acmeAccount(stripe: Stripe = sandboxStripe()): Promise<string> {
  const accounts = await stripe.accounts.list({ limit: 100 });
  const acme = accounts.data.find((a) => a.business_profile?.name === US_NAME || a.company?.name === US_NAME);
  if (!acme) throw new Error("Acme's connected account was not found in the sandbox");
  return acme.id;
}

export type NewCardholder = { owner: Page; person: Page; email: string; holderId: string; accountId: string };

export async function inviteCardholder(browser: Browser, first: string, last: string): Promise<NewCardholder> {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, "owner@us.test");
  await expect(owner).toHaveURL(/\/dashboard$/);
  await owner.goto("/team");
  const form = owner.getByRole("form", { name: "Invite a cardholder" });
  const email = uniqueEmail(first.toLowerCase());
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

  const stripe = sandboxStripe();
  const accountId = await acmeAccount(stripe);
  const holder = (await stripe.issuing.cardholders.list({ email }, { stripeAccount: accountId })).data[0];
  if (!holder) throw new Error(`no cardholder for ${email}`);

  const person = await (await browser.newContext()).newPage();
  await person.goto(link);
  await person.getByRole("link", { name: "Create an account" }).click();
  await person.getByLabel("Your name").fill(`${first} ${last}`);
  await person.getByLabel("Work email").fill(email);
  await person.getByLabel("Password").fill("cardholder-password-1");
  await person.getByRole("button", { name: "Create account" }).click();
  await person.getByRole("button", { name: "Accept invitation" }).click();
  await expect(person).toHaveURL(/\/my-cards$/);
  return { owner, person, email, holderId: holder.id, accountId };
}
