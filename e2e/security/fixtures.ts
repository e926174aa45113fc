// The people and businesses the security specs use: a victim business A (US, onboarded, with a
// member, a pending invitation, a verified bank link, a pending inbound transfer, a card and a
// pending authorization) and an attacker business B (US, onboarded) with an owner, an admin and a
// member; a UK business on the Issuing balance (GBP, with money in) whose owner is the positive
// control for its own actions; plus the platform admin and a signed-out visitor. Everything is created fresh through
// the app's own actions, so no other spec touches it.
import { randomUUID } from "node:crypto";
import { expect, type Browser } from "@playwright/test";
import { generate } from "otplib";
import Stripe from "stripe";
import { issueCard } from "../../testing/issue-card";
import { uniqueEmail } from "../helpers";
import { Actor, errorCode, isOk, loadActionIds, type ActionRef, type Answer } from "./client";
import type { ActionArg } from "./rsc";

export const PASSWORD = "security-matrix-pw-1";
export const DEMO_PASSWORD = "sandbox-demo";

const sandboxUrl = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111");
export const sandbox = new Stripe("sk_test_security_matrix", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
});

let ids: Map<string, ActionRef> | null = null;
export function actionIds(): Map<string, ActionRef> {
  ids ??= loadActionIds();
  return ids;
}

/** Calls the action `<file>#<export>` (its id from the build) from `page`. */
export async function call(actor: Actor, key: string, page: string, args: readonly ActionArg[]): Promise<Answer> {
  const ref = actionIds().get(key);
  if (!ref) throw new Error(`no action ${key} in the build's server-reference manifest`);
  return actor.action(ref.id, page, args);
}

/**
 * `call` for a sensitive action: when the actor's proof is more than a few minutes old (the world
 * takes a while to build on a busy machine) it confirms its password, as the dialog would, and retries.
 */
async function callProven(actor: Actor, key: string, page: string, args: readonly ActionArg[]): Promise<Answer> {
  const answer = await call(actor, key, page, args);
  const creds = credentialsOf(actor);
  if (errorCode(answer.result) !== "step_up_required" || !creds) return answer;
  must(
    await call(actor, "app/(auth)/actions.ts#confirmIdentityAction", page, [
      {},
      { form: { password: creds.password } },
    ]),
    "confirming the password",
  );
  return call(actor, key, page, args);
}

function must(answer: Answer, what: string): Answer {
  if (answer.status >= 400 || (answer.result !== undefined && !isOk(answer.result) && !answer.actionRedirect)) {
    throw new Error(
      `${what} failed: HTTP ${answer.status} ${JSON.stringify(answer.result) ?? answer.body.slice(0, 300)}`,
    );
  }
  return answer;
}

function data<T>(answer: Answer, what: string): T {
  must(answer, what);
  const r = answer.result as { ok?: boolean; data?: T };
  if (r?.ok !== true) throw new Error(`${what}: unexpected answer ${JSON.stringify(answer.result)}`);
  return r.data as T;
}

/** Who each signed-in actor is, so the sweep can open another session or confirm a step-up as them. */
const credentials = new WeakMap<Actor, { email: string; password: string }>();
export const credentialsOf = (actor: Actor) => credentials.get(actor);

export async function signUp(
  baseURL: string,
  label: string,
  name: string,
  next?: string,
): Promise<Actor & { email: string }> {
  const actor = await Actor.create(label, baseURL);
  const email = uniqueEmail(`sec-${label.replace(/\W+/g, "-").toLowerCase()}`);
  const answer = await call(actor, "app/(auth)/actions.ts#signUpAction", "/sign-up", [
    {},
    { form: { name, email, password: PASSWORD, ...(next ? { next } : {}) } },
  ]);
  if (!answer.actionRedirect) throw new Error(`sign-up of ${email} failed: ${JSON.stringify(answer.result)}`);
  credentials.set(actor, { email, password: PASSWORD });
  return Object.assign(actor, { email });
}

export async function signIn(
  baseURL: string,
  label: string,
  email: string,
  password: string,
): Promise<Actor & { email: string }> {
  const actor = await Actor.create(label, baseURL);
  const answer = await call(actor, "app/(auth)/actions.ts#signInAction", "/sign-in", [
    {},
    { form: { email, password } },
  ]);
  if (!answer.actionRedirect) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(answer.result)}`);
  credentials.set(actor, { email, password });
  return Object.assign(actor, { email });
}

/**
 * Someone of the victim's with two-factor sign-in on and a remembered device (a browser that ticked
 * "Remember this device"): the device's id is what another user's `revokeDeviceAction` aims at. A
 * user of their own, so no shared actor's sign-in starts asking for a code.
 */
async function rememberedDevice(baseURL: string, tag: string): Promise<{ holder: Actor; deviceId: string }> {
  const holder = await signUp(baseURL, "A device holder", `Dana Device ${tag}`);
  const enrolPage = (await holder.get("/account/two-factor")).body;
  const secret = /data-testid="totp-key"[^>]*>([^<]+)</.exec(enrolPage)?.[1]?.replace(/\s/g, "");
  const enrolment = /name="enrolment" value="([^"]+)"/.exec(enrolPage)?.[1];
  if (!secret || !enrolment) throw new Error("the two-factor set-up page shows no key or enrolment");
  const enrolled = data<{ codes: string[] }>(
    await call(holder, "app/(account)/account/two-factor/actions.ts#confirmTwoFactorAction", "/account/two-factor", [
      {},
      { form: { enrolment, code: await generate({ secret }) } },
    ]),
    "turning on two-factor sign-in",
  );
  // Signing in on another browser with a recovery code (an app code is accepted once per step), remembered.
  const browser = await Actor.create("A device holder's remembered browser", baseURL);
  try {
    const signedIn = await call(browser, "app/(auth)/actions.ts#signInAction", "/sign-in", [
      {},
      { form: { email: holder.email, password: PASSWORD } },
    ]);
    if (!signedIn.actionRedirect?.startsWith("/sign-in/verify"))
      throw new Error(`the device holder's sign-in asked for no code: ${JSON.stringify(signedIn.result)}`);
    must(
      await call(browser, "app/(auth)/sign-in/verify/actions.ts#verifySignInAction", "/sign-in/verify", [
        {},
        { form: { code: enrolled.codes[0]!, remember: "on" } },
      ]),
      "verifying the device holder's sign-in",
    );
    const account = (await browser.get("/account")).body;
    const deviceId = /name="deviceId" value="([0-9a-f-]{36})"/.exec(account)?.[1];
    if (!deviceId) throw new Error("the device holder's account page lists no remembered device");
    return { holder, deviceId };
  } finally {
    await browser.dispose();
  }
}

/** Creates the owner's business and completes the sandbox's hosted onboarding in a browser. */
async function createAndOnboard(
  browser: Browser,
  owner: Actor,
  legalName: string,
  country: "US" | "GB" = "US",
): Promise<void> {
  const created = await call(owner, "app/(business)/onboarding/actions.ts#createBusinessAction", "/onboarding", [
    {},
    { form: { legalName, country, businessType: "company" } },
  ]);
  if (!created.actionRedirect) throw new Error(`creating ${legalName} failed: ${JSON.stringify(created.result)}`);
  const context = await browser.newContext({ storageState: await owner.ctx.storageState() });
  const page = await context.newPage();
  await page.goto(created.actionRedirect);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
  // The financial account (US) or Issuing balance (UK) opens asynchronously (webhooks): wait until the dashboard shows it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("balance-available")).toHaveText(country === "GB" ? "£0.00" : "$0.00", {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  if (country === "GB") {
    // The balance's bank details (its funding instructions) are made when the account's activation
    // event arrives: wait for them before money is sent to them.
    await expect(async () => {
      await page.goto(new URL("/balance", page.url()).toString());
      await expect(page.getByTestId("bank-sort-code")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  }
  await context.close();
}

/** A UK business on the Issuing balance with 50.00 GBP in it (a bank transfer, as the sandbox tools send it). */
async function ukBusiness(browser: Browser, baseURL: string, tag: string): Promise<Actor & { email: string }> {
  const owner = await signUp(baseURL, "UK owner", `Ursula Kingdom ${tag}`);
  await createAndOnboard(browser, owner, `Kingdom ${tag} Trading Ltd`, "GB");
  data(
    await call(owner, "app/(business)/sandbox-tools/actions.ts#receiveMoneyAction", "/sandbox-tools", [
      {},
      { form: { amount: "50.00" } },
    ]),
    "a bank transfer into the UK business's Issuing balance",
  );
  return owner;
}

async function accountOf(email: string): Promise<Stripe.Account> {
  for await (const a of sandbox.accounts.list({ limit: 100 })) if (a.email === email) return a;
  throw new Error(`no sandbox account for ${email}`);
}

/** Invites `email` to the owner's business as `role` and has a new user sign up and accept. */
async function addTeammate(
  baseURL: string,
  owner: Actor,
  label: string,
  name: string,
  role: "admin" | "member",
): Promise<Actor & { email: string }> {
  const placeholder = uniqueEmail(`sec-${label.replace(/\W+/g, "-").toLowerCase()}`);
  const invited = await callProven(owner, "app/(business)/team/actions.ts#inviteAction", "/team", [
    {},
    { form: { email: placeholder, role } },
  ]);
  const path = (invited.result as { data?: { path: string } }).data?.path;
  if (!path) throw new Error(`invite failed: ${JSON.stringify(invited.result)}`);
  const person = await Actor.create(label, baseURL);
  const signed = await call(person, "app/(auth)/actions.ts#signUpAction", "/sign-up", [
    {},
    { form: { name, email: placeholder, password: PASSWORD, next: path } },
  ]);
  if (signed.actionRedirect !== path)
    throw new Error(`sign-up for the invitation failed: ${JSON.stringify(signed.result)}`);
  credentials.set(person, { email: placeholder, password: PASSWORD });
  const token = path.split("/").pop()!;
  const accepted = await call(person, "app/invite/[token]/actions.ts#acceptInviteAction", path, [
    {},
    { form: { token } },
  ]);
  if (accepted.actionRedirect !== "/dashboard") throw new Error(`accepting failed: ${JSON.stringify(accepted.result)}`);
  return Object.assign(person, { email: placeholder });
}

/**
 * Invites someone as a cardholder of the owner's business (linking `cardholder`, or creating one when
 * "new") and has a new user sign up and accept: they land on /my-cards.
 */
async function addCardholder(
  baseURL: string,
  owner: Actor,
  label: string,
  name: string,
  cardholder: string,
): Promise<Actor & { email: string }> {
  const email = uniqueEmail(`sec-${label.replace(/\W+/g, "-").toLowerCase()}`);
  const [first, last] = name.split(" ");
  const invited = await call(owner, "app/(business)/team/actions.ts#inviteCardholderAction", "/team", [
    {},
    {
      form: {
        clientToken: randomUUID(),
        email,
        cardholder,
        ...(cardholder === "new"
          ? {
              firstName: first!,
              lastName: last!,
              line1: "1 Main St",
              city: "San Francisco",
              state: "CA",
              postalCode: "94111",
              terms: "on",
            }
          : {}),
      },
    },
  ]);
  const path = (invited.result as { data?: { path: string } }).data?.path;
  if (!path) throw new Error(`cardholder invite failed: ${JSON.stringify(invited.result)}`);
  const person = await Actor.create(label, baseURL);
  const signed = await call(person, "app/(auth)/actions.ts#signUpAction", "/sign-up", [
    {},
    { form: { name, email, password: PASSWORD, next: path } },
  ]);
  if (signed.actionRedirect !== path)
    throw new Error(`sign-up for the invitation failed: ${JSON.stringify(signed.result)}`);
  credentials.set(person, { email, password: PASSWORD });
  const accepted = await call(person, "app/invite/[token]/actions.ts#acceptInviteAction", path, [
    {},
    { form: { token: path.split("/").pop()! } },
  ]);
  if (accepted.actionRedirect !== "/my-cards")
    throw new Error(`accepting as a cardholder failed: ${JSON.stringify(accepted.result)}`);
  return Object.assign(person, { email });
}

/** The team page's RSC payload: membership and invitation ids are props of its client components. */
async function teamIds(owner: Actor): Promise<{ membershipIds: string[]; inviteIds: string[] }> {
  const text = await (await owner.ctx.get("/team")).text();
  // In the page's inline flight data the quotes are escaped (`\"membershipId\":\"…\"`).
  const uuids = (key: string) => [
    ...new Set([...text.matchAll(new RegExp(`${key}\\\\?":\\\\?"([0-9a-f-]{36})`, "g"))].map((m) => m[1]!)),
  ];
  return { membershipIds: uuids("membershipId"), inviteIds: uuids("inviteId") };
}

export type Victim = {
  legalName: string;
  businessId: string;
  accountId: string;
  financialAccountId: string;
  owner: Actor & { email: string };
  member: Actor & { email: string };
  /** The cardholder of the victim's card, signed in as a `cardholder` of the victim business. */
  cardholder: Actor & { email: string };
  /** Another cardholder of the victim business (a cardholder of their own, without the victim's card). */
  otherCardholder: Actor & { email: string };
  memberMembershipId: string;
  inviteId: string;
  inviteToken: string;
  inviteEmail: string;
  bankOperationId: string;
  inboundTransferId: string;
  cardholderId: string;
  cardId: string;
  /** A pending card request by the victim's cardholder (for their own new card). */
  cardRequestId: string;
  /** One of the victim owner's notifications (that card request, waiting for approval). */
  ownerNotificationId: string;
  /** An active Apple Pay token of the card. */
  tokenId: string;
  authorizationId: string;
  /** One of the victim's expense categories (added by its owner). */
  expenseCategoryId: string;
  eventId: string;
  addressId: string;
  /** An open platform-admin invitation (for someone else). */
  adminInviteToken: string;
  /** The victim owner's own session (as their sessions page names it). */
  ownerSessionId: string;
  /** A remembered device of the victim's (`deviceHolder` has two-factor sign-in on). */
  deviceId: string;
  deviceHolder: Actor;
  /** Strings that must never appear in an answer to another tenant. */
  secrets: string[];
};

export type World = {
  baseURL: string;
  victim: Victim;
  admin: Actor & { email: string };
  signedOut: Actor;
  attackers: {
    owner: Actor & { email: string };
    admin: Actor & { email: string };
    member: Actor & { email: string };
    /** A cardholder of the attacker business. */
    cardholder: Actor & { email: string };
    accountId: string;
  };
  /** A UK business on the Issuing balance (GBP, 50.00 in it); not the victim's, not an attacker. */
  uk: { owner: Actor & { email: string } };
};

export async function buildWorld(browser: Browser, baseURL: string): Promise<World> {
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  const legalName = `Victim ${tag} Holdings Inc.`;
  const [aOwner, bOwner, admin, device] = await Promise.all([
    signUp(baseURL, "A owner", `Vera Victim ${tag}`),
    signUp(baseURL, "B owner", `Otto Other ${tag}`),
    signIn(baseURL, "platform admin", "admin@platform.test", DEMO_PASSWORD),
    rememberedDevice(baseURL, tag),
  ]);
  const [ukOwner] = await Promise.all([
    ukBusiness(browser, baseURL, tag),
    createAndOnboard(browser, aOwner, legalName),
    createAndOnboard(browser, bOwner, `Attacker ${tag} LLC`),
  ]);
  const [aMember, bAdmin, bMember] = await Promise.all([
    addTeammate(baseURL, aOwner, "A member", `Mia Member ${tag}`, "member"),
    addTeammate(baseURL, bOwner, "B admin", `Adam Admin ${tag}`, "admin"),
    addTeammate(baseURL, bOwner, "B member", `Max Member ${tag}`, "member"),
  ]);

  // A pending invitation of A's (a target for revoking and accepting).
  const inviteEmail = uniqueEmail("sec-pending");
  const invited = await callProven(aOwner, "app/(business)/team/actions.ts#inviteAction", "/team", [
    {},
    { form: { email: inviteEmail, role: "admin" } },
  ]);
  const invitePath = (invited.result as { data?: { path: string } }).data?.path;
  if (!invitePath) throw new Error(`invite failed: ${JSON.stringify(invited.result)}`);
  const team = await teamIds(aOwner);
  expect(team.membershipIds).toHaveLength(1); // the owner sees controls for the one other member
  expect(team.inviteIds).toHaveLength(1);

  // Money: a verified bank link, a pending inbound transfer, received funds.
  const link = data<{ operationId: string }>(
    await callProven(aOwner, "app/(business)/money/actions.ts#linkBankAction", "/money", [
      {},
      {
        form: {
          clientToken: randomUUID(),
          holderName: legalName,
          routingNumber: "110000000",
          accountNumber: "000123456789",
          accountType: "checking",
        },
      },
    ]),
    "linking a bank",
  );
  data(
    await call(aOwner, "app/(business)/money/actions.ts#verifyBankAction", "/money", [
      {},
      { form: { operation: link.operationId, code: "SM11AA" } },
    ]),
    "verifying the bank",
  );
  const inbound = data<{ id: string }>(
    await callProven(aOwner, "app/(business)/money/actions.ts#moveMoneyInAction", "/money", [
      {},
      { form: { clientToken: randomUUID(), bank: link.operationId, amount: "250.00" } },
    ]),
    "moving money in",
  );
  data(
    await call(aOwner, "app/(business)/sandbox-tools/actions.ts#receiveMoneyAction", "/sandbox-tools", [
      {},
      { form: { amount: "500.00" } },
    ]),
    "receiving money",
  );

  // A card (made on A's connected account, as the embedded component would) and a pending purchase.
  const account = await accountOf(aOwner.email);
  const {
    card,
    cardholder,
    financialAccount: fa,
  } = await issueCard(sandbox, account.id, "treasury", {
    holder: { first: "Vera", last: "Victim", email: aOwner.email },
  });
  const purchase = data<{ id: string; approved: boolean }>(
    await call(aOwner, "app/(business)/sandbox-tools/actions.ts#simulatePurchaseAction", "/sandbox-tools", [
      {},
      {
        form: {
          card,
          category: "eating_places_restaurants",
          country: "US",
          merchantName: `Victim Diner ${tag}`,
          amount: "12.34",
        },
      },
    ]),
    "a purchase",
  );
  expect(purchase.approved).toBe(true);
  // The card in a wallet, as the cardholder would add it (the sandbox's control).
  const token = (await (
    await fetch(`${sandboxUrl.origin}/_sandbox/issuing/cards/${card}/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ wallet_provider: "apple_pay", device_type: "phone" }),
    })
  ).json()) as { id?: string };
  if (!token.id?.startsWith("intok_")) throw new Error(`adding the card to a wallet failed: ${JSON.stringify(token)}`);

  const bOwnerAccount = await accountOf(bOwner.email);
  // Cardholders: the victim card's own (linked to its existing cardholder), another of A's (created
  // by the invitation), and one of B's. Made after the team ids were read (they are not A's members to manage).
  const [aCardholder, aOtherCardholder, bCardholder] = await Promise.all([
    addCardholder(baseURL, aOwner, "A cardholder", `Vera Victim`, cardholder),
    addCardholder(baseURL, aOwner, "A other cardholder", `Olga Other`, "new"),
    addCardholder(baseURL, bOwner, "B cardholder", `Bert Bholder`, "new"),
  ]);

  // A's cardholder asks for a card: a pending request, and a notification for A's owner.
  const cardRequest = data<{ id: string }>(
    await call(aCardholder, "app/(cardholder)/my-cards/actions.ts#requestOwnCardAction", "/my-cards", [
      {},
      { form: { kind: "new_card", purpose: "Client visits", amount: "75.00", interval: "weekly" } },
    ]),
    "requesting a card",
  );
  const notices = await (await aOwner.ctx.get("/notifications")).text();
  const ownerNotificationId = /name="notification" value="([0-9a-f-]{36})"/.exec(notices)?.[1];
  if (!ownerNotificationId) throw new Error("the victim owner's notifications page names no notification");

  // The admin's view gives A's business id, an event and a treasury address to aim admin actions at.
  const accounts = await (await admin.ctx.get(`/admin/accounts?q=${encodeURIComponent(legalName)}`)).text();
  const businessId = /\/admin\/accounts\/([0-9a-f-]{36})/.exec(accounts)?.[1];
  if (!businessId) throw new Error("A's business id not found on the admin accounts page");
  const events = await (await admin.ctx.get("/admin/events")).text();
  const eventId = /\/admin\/events\/(evt_[A-Za-z0-9_]+)/.exec(events)?.[1] ?? "evt_unknown";
  const category = data<{ id: string }>(
    await call(aOwner, "app/(business)/purchases/actions.ts#addCategoryAction", "/purchases/categories", [
      {},
      { form: { name: `Victim category ${tag}` } },
    ]),
    "adding an expense category",
  );
  const adminInvite = data<{ url: string }>(
    await callProven(admin, "app/(platform)/admin/admins/actions.ts#inviteAdminAction", "/admin/admins", [
      {},
      { form: { email: uniqueEmail("sec-admin-invitee") } },
    ]),
    "inviting an admin",
  );
  const treasury = await (await admin.ctx.get("/admin/treasury")).text();
  const addressId = /addressId\\?":\\?"([A-Za-z0-9_]+)/.exec(treasury)?.[1] ?? "fa_addr_unknown";
  const sessions = await (await aOwner.ctx.get("/account/sessions")).text();
  const ownerSessionId = /data-session-id="([0-9a-f-]{36})"/.exec(sessions)?.[1];
  if (!ownerSessionId) throw new Error("the victim owner's sessions page names no session");

  const victim: Victim = {
    legalName,
    businessId,
    accountId: account.id,
    financialAccountId: fa,
    owner: aOwner,
    member: aMember,
    cardholder: aCardholder,
    otherCardholder: aOtherCardholder,
    memberMembershipId: team.membershipIds[0]!,
    inviteId: team.inviteIds[0]!,
    inviteToken: invitePath.split("/").pop()!,
    inviteEmail,
    bankOperationId: link.operationId,
    inboundTransferId: inbound.id,
    cardholderId: cardholder,
    cardId: card,
    tokenId: token.id,
    cardRequestId: cardRequest.id,
    ownerNotificationId,
    authorizationId: purchase.id,
    expenseCategoryId: category.id,
    eventId,
    addressId,
    adminInviteToken: adminInvite.url.split("/").pop()!,
    ownerSessionId,
    deviceId: device.deviceId,
    deviceHolder: device.holder,
    secrets: [],
  };
  victim.secrets = [
    legalName,
    ownerSessionId,
    device.deviceId,
    businessId,
    account.id,
    fa,
    aOwner.email,
    aMember.email,
    aCardholder.email,
    aOtherCardholder.email,
    inviteEmail,
    victim.inviteToken,
    link.operationId,
    inbound.id,
    cardholder,
    card,
    token.id,
    purchase.id,
    `Victim Diner ${tag}`,
    `Vera Victim ${tag}`,
    `Mia Member ${tag}`,
  ];
  return {
    baseURL,
    victim,
    admin,
    // From a stranger's network: the dozens of failed sign-ins a run makes must not block 127.0.0.1,
    // which every other test signs in from.
    signedOut: await Actor.create("signed out", baseURL, { "x-forwarded-for": "192.0.2.66" }),
    attackers: { owner: bOwner, admin: bAdmin, member: bMember, cardholder: bCardholder, accountId: bOwnerAccount.id },
    uk: { owner: ukOwner },
  };
}

/** A nonce for `card`, minted as Stripe.js's `createEphemeralKeyNonce` does in the browser (single use). */
export async function mintCardNonce(card: string): Promise<string> {
  const res = await fetch(new URL("/issuing-elements/api/ephemeral_key_nonces", sandboxUrl), {
    method: "POST",
    headers: { authorization: "Bearer pk_test_sandbox_issuing_console", "content-type": "application/json" },
    body: JSON.stringify({ issuing_card: card }),
  });
  const body = (await res.json()) as { nonce?: string };
  if (!body.nonce) throw new Error(`no nonce for ${card}: ${JSON.stringify(body)}`);
  return body.nonce;
}
