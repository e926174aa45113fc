// A fingerprint of everything the victim business has, taken from outside the app (its database
// belongs to the app process): what its owner and the platform admin see on their pages, and its
// objects at Stripe (the sandbox). Equal fingerprints before and after a sweep = nothing changed.
import type { Browser, Page } from "@playwright/test";
import type { Actor } from "./client";
import { sandbox, type Victim } from "./fixtures";

async function texts(page: Page, testId: string): Promise<string[]> {
  return (await page.getByTestId(testId).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
}

/** Every named field of the form, with its current value. */
async function formValues(page: Page, form: string): Promise<string[]> {
  await page.locator(form).waitFor();
  return page.$$eval(`${form} input[name], ${form} select[name], ${form} textarea[name]`, (els) =>
    els
      .filter(
        (el) => !(el as HTMLInputElement).name.startsWith("$ACTION") && (el as HTMLInputElement).name !== "clientToken",
      )
      .map((el) => {
        const input = el as HTMLInputElement;
        const value = input.type === "checkbox" || input.type === "radio" ? String(input.checked) : input.value;
        return `${input.name}=${value}`;
      }),
  );
}

async function ownerSide(browser: Browser, owner: Actor): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const context = await browser.newContext({ storageState: await owner.ctx.storageState() });
  const page = await context.newPage();
  await page.goto("/team");
  out.members = await texts(page, "member-row");
  out.invites = await texts(page, "invite-row");
  await page.goto("/dashboard");
  out.balances = await page.locator('[data-testid^="balance-"]').allInnerTexts();
  await page.goto("/cards");
  out.rules = await formValues(page, 'form[aria-labelledby="rules-title"]');
  await page.goto("/sandbox-tools");
  out.purchases = await texts(page, "recent-purchases");
  out.inbound = await texts(page, "inbound-transfers");
  await context.close();
  return out;
}

async function adminSide(browser: Browser, admin: Actor, v: Victim): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const context = await browser.newContext({ storageState: await admin.ctx.storageState() });
  const page = await context.newPage();
  await page.goto(`/admin/accounts/${v.businessId}`);
  out.adminPaused = await page.getByTestId("paused-badge").count();
  for (const id of ["cards", "authorizations", "financial-accounts", "fundings"])
    out[`admin-${id}`] = await texts(page, id);
  out.adminHeading = (await page.getByRole("heading", { level: 1 }).allInnerTexts()).map((t) => t.trim());
  await context.close();
  return out;
}

async function stripeSide(v: Victim): Promise<Record<string, unknown>> {
  const o = { stripeAccount: v.accountId };
  const account = await sandbox.accounts.retrieve(v.accountId);
  const fa = await sandbox.treasury.financialAccounts.retrieve(v.financialAccountId, {}, o);
  const [cardholders, cards, authorizations, inbound, credits, outboundPayments, outboundTransfers, tokens] =
    await Promise.all([
      sandbox.issuing.cardholders.list({ limit: 100 }, o),
      sandbox.issuing.cards.list({ limit: 100 }, o),
      sandbox.issuing.authorizations.list({ limit: 100 }, o),
      sandbox.treasury.inboundTransfers.list({ financial_account: v.financialAccountId, limit: 100 }, o),
      sandbox.treasury.receivedCredits.list({ financial_account: v.financialAccountId, limit: 100 }, o),
      sandbox.treasury.outboundPayments.list({ financial_account: v.financialAccountId, limit: 100 }, o),
      sandbox.treasury.outboundTransfers.list({ financial_account: v.financialAccountId, limit: 100 }, o),
      sandbox.issuing.tokens.list({ card: v.cardId, limit: 100 }, o),
    ]);
  return {
    account: {
      capabilities: account.capabilities,
      disabled: account.requirements?.disabled_reason ?? null,
      metadata: account.metadata,
    },
    financialAccount: { status: fa.status, balance: fa.balance, features: fa.active_features },
    cardholders: cardholders.data.map((c) => `${c.id}:${c.status}`),
    cards: cards.data.map((c) => `${c.id}:${c.status}:${JSON.stringify(c.spending_controls)}`),
    authorizations: authorizations.data.map((a) => `${a.id}:${a.status}:${a.approved}:${a.amount}`),
    inboundTransfers: inbound.data.map((t) => `${t.id}:${t.status}:${t.amount}`),
    receivedCredits: credits.data.map((c) => `${c.id}:${c.status}:${c.amount}`),
    outboundPayments: outboundPayments.data.map((p) => `${p.id}:${p.status}`),
    outboundTransfers: outboundTransfers.data.map((t) => `${t.id}:${t.status}`),
    walletTokens: tokens.data.map((t) => `${t.id}:${t.status}`),
  };
}

/** The remembered devices the victim's device holder sees on their account page. */
async function devices(v: Victim): Promise<string[]> {
  const page = (await v.deviceHolder.get("/account")).body;
  return [...page.matchAll(/name="deviceId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
}

export async function fingerprint(browser: Browser, v: Victim, admin: Actor): Promise<Record<string, unknown>> {
  // The sides read independently, so they are read side by side.
  const [owner, platform, stripe, remembered] = await Promise.all([
    ownerSide(browser, v.owner),
    adminSide(browser, admin, v),
    stripeSide(v),
    devices(v),
  ]);
  return { app: { ...owner, ...platform, devices: remembered }, stripe };
}

/** Waits for the victim's asynchronous updates (webhooks → read models) to settle: two equal fingerprints in a row. */
export async function settledFingerprint(
  browser: Browser,
  v: Victim,
  admin: Actor,
  attempts = 6,
): Promise<Record<string, unknown>> {
  let previous = JSON.stringify(await fingerprint(browser, v, admin));
  for (let i = 0; i < attempts; i++) {
    const current = await fingerprint(browser, v, admin);
    if (JSON.stringify(current) === previous) return current;
    previous = JSON.stringify(current);
  }
  throw new Error(`the victim's state did not settle: ${previous}`);
}
