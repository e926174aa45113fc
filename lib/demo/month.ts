import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { hasAppMeta, insertAppMeta } from "@/db/queries/app-meta";
import { businessesNamed } from "@/db/queries/businesses";
import { getUserByEmail } from "@/db/queries/users";
import type { Business } from "@/db/schema";
import { fundBusiness } from "@/lib/admin/funding";
import { replaceCard } from "@/lib/cards/replace";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { loadRules, saveBusinessRules, savePlatformRules, type RulesCache } from "@/lib/rules/rules-store";
import type { Storage } from "@/lib/receipts/storage";
import { uploadReceipt } from "@/lib/receipts/upload";
import { addBankDestination, addCryptoDestination } from "@/lib/payouts/destinations";
import { sendPayout } from "@/lib/payouts/send";
import { drivePayout } from "@/lib/payouts/drive";
import { parseMoney } from "@/lib/money";
import { sandboxControl } from "@/lib/sandbox-tools/control";
import { ACME_MAX_AMOUNT, DEMO_MONTHS, demoMonthPlan, type DemoProfile, type DemoPurchase } from "./month-plan";
import type { SandboxControls } from "./sandbox-controls";

// Sandbox mode only: a month of life for each demo business, made through the APIs a user's clicks
// would call (Stripe's for cards and purchases, the app's own modules for fundings, payouts,
// replacements and receipts), with the sandbox clock moved back 30 days and forward again, so the
// read models, the decision log and the sandbox agree. The app's receivers must be listening (the
// seed runs them on the app's port before the app starts: lib/demo/seed-all.ts).

const DAY_S = 86_400;
// A 1×1 PNG: the receipts' bytes (the demo shows that a receipt is there, not what it says).
const RECEIPT_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const US_ADDRESS = {
  line1: "510 Townsend St",
  city: "San Francisco",
  state: "CA",
  postal_code: "94103",
  country: "US",
};
const GB_ADDRESS = { line1: "1 Brightside Lane", city: "London", postal_code: "EC1A 1BB", country: "GB" };
const MX_ADDRESS = {
  line1: "Av. Paseo de la Reforma 222",
  city: "Ciudad de México",
  postal_code: "06600",
  state: "CDMX",
  country: "MX",
};

export type MonthDeps = {
  db: Db;
  stripe: Stripe;
  rules: RulesCache;
  storage: Storage;
  sandbox: SandboxControls;
  log: (line: string) => void;
};

export type MonthSummary = { business: string; accountId: string; attempts: number; declined: number };

type Scope = { business: Business; accountId: string; ownerId: string; adminId: string };

/** The month's first day: midnight (UTC) 30 days before the day of `now` (Unix seconds), so its days are calendar days ending yesterday. */
export const monthStart = (now: number) => Math.floor(now / DAY_S) * DAY_S - 30 * DAY_S;

/** Seeds each demo business's month once (an app_meta row records it); answers the months made now. */
export async function seedDemoMonths(deps: MonthDeps): Promise<MonthSummary[]> {
  const admin = await getUserByEmail(deps.db, { email: "admin@platform.test" });
  if (!admin) return [];
  const made: MonthSummary[] = [];
  for (const profile of DEMO_MONTHS) {
    const [business] = await businessesNamed(deps.db, { legalNames: [profile.business] });
    const owner = business && (await getUserByEmail(deps.db, { email: business.contactEmail ?? "" }));
    if (!business?.stripeAccountId || !owner) continue;
    if (business.fundingModel !== "issuing_balance" && !business.financialAccountId) continue;
    const done = `demo-month:${business.id}`;
    if (await hasAppMeta(deps.db, { key: done })) continue;
    const scope = { business, accountId: business.stripeAccountId, ownerId: owner.id, adminId: admin.id };
    if (profile.business === "Acme Supplies Inc.") await acmeRules(deps, scope);
    const start = monthStart(await deps.sandbox.now());
    let summary: MonthSummary;
    try {
      summary = await liveTheMonth(deps, scope, profile, start);
    } finally {
      // Forward again to the wall clock, whatever happened on the way.
      await deps.sandbox.reset();
    }
    await deps.sandbox.settled();
    await attachReceipts(deps, scope);
    await insertAppMeta(deps.db, { key: done, value: summary });
    made.push(summary);
  }
  return made;
}

/** A platform rule (no money transfers) and Acme's own maximum per purchase, when none are set. */
async function acmeRules(deps: MonthDeps, { business, accountId, adminId, ownerId }: Scope): Promise<void> {
  const current = await loadRules(deps.db, accountId);
  if (current.platform.blockedCategories.length === 0)
    await savePlatformRules(
      deps.db,
      { ...current.platform, blockedCategories: ["wires_money_orders"] },
      adminId,
      deps.rules,
    );
  if (current.business) return;
  const saved = await saveBusinessRules(
    deps.db,
    business.id,
    { ...EMPTY_RULES, maxAmount: ACME_MAX_AMOUNT, currency: "usd" },
    ownerId,
    deps.rules,
  );
  if (!saved.ok) throw new Error(`demo rules refused: ${saved.problems.join("; ")}`);
}

/** The cardholder and card parameters each funding model takes (docs: Treasury, the stablecoin guide, UK Issuing). */
function cardParams(business: Business, currency: string) {
  const terms = { date: 1_700_000_000, ip: "127.0.0.1" };
  if (business.fundingModel === "stablecoin")
    return {
      address: MX_ADDRESS,
      individual: { dob: { day: 1, month: 1, year: 1990 }, user_terms_acceptance: { lead: terms } },
      card: { currency, financial_account_v2: business.financialAccountId! },
    };
  if (business.fundingModel === "issuing_balance")
    return { address: GB_ADDRESS, individual: { card_issuing: { user_terms_acceptance: terms } }, card: { currency } };
  return {
    address: US_ADDRESS,
    individual: { card_issuing: { user_terms_acceptance: terms } },
    card: { currency, financial_account: business.financialAccountId! },
  };
}

async function liveTheMonth(deps: MonthDeps, scope: Scope, profile: DemoProfile, start: number): Promise<MonthSummary> {
  const { stripe, sandbox } = deps;
  const { business, accountId } = scope;
  const opts = (key: string) => ({ stripeAccount: accountId, idempotencyKey: `demo-month-${accountId}-${key}` });
  await sandbox.set(start + 8 * 3600);
  const params = cardParams(business, profile.currency);
  const cards = new Map<string, string>();
  for (const person of profile.people) {
    const [first, ...last] = person.name.split(" ");
    const holder = await stripe.issuing.cardholders.create(
      {
        type: "individual",
        name: person.name,
        email: person.email,
        phone_number: person.phone,
        billing: { address: params.address },
        individual: { first_name: first!, last_name: last.join(" "), ...params.individual },
      } as Stripe.Issuing.CardholderCreateParams,
      opts(`holder-${person.key}`),
    );
    const controls = { spending_limits: [{ amount: profile.dailyLimit, interval: "daily" as const }] };
    const card = await stripe.issuing.cards.create(
      person.physical
        ? {
            cardholder: holder.id,
            type: "physical",
            spending_controls: controls,
            shipping: { name: person.name, service: "standard", address: params.address },
            ...params.card,
          }
        : ({
            cardholder: holder.id,
            type: "virtual",
            status: "active",
            spending_controls: controls,
            ...params.card,
          } as Stripe.Issuing.CardCreateParams),
      opts(`card-${person.key}`),
    );
    if (person.physical) {
      // Shipped, delivered and activated by its holder.
      await stripe.testHelpers.issuing.cards.shipCard(card.id, {}, opts(`ship-${person.key}`));
      await stripe.testHelpers.issuing.cards.deliverCard(card.id, {}, opts(`deliver-${person.key}`));
      await stripe.issuing.cards.update(card.id, { status: "active" }, opts(`activate-${person.key}`));
      // And a second physical card, shipped and still on its way.
      const spare = await stripe.issuing.cards.create(
        {
          cardholder: holder.id,
          type: "physical",
          shipping: { name: person.name, service: "express", address: params.address },
          ...params.card,
        },
        opts(`card-${person.key}-spare`),
      );
      await stripe.testHelpers.issuing.cards.shipCard(spare.id, {}, opts(`ship-${person.key}-spare`));
    }
    cards.set(person.key, card.id);
  }

  let attempts = 0;
  let declined = 0;
  for (const day of demoMonthPlan(start, profile).days) {
    await sandbox.set(day.at);
    for (const step of day.steps) {
      if (step.kind === "purchase") {
        await sandbox.set(step.purchase.at);
        attempts++;
        if (!(await purchase(deps, accountId, cards.get(step.purchase.person)!, step.purchase, profile.currency)))
          declined++;
      } else if (step.kind === "funding") {
        const funded = await fundBusiness(
          { db: deps.db, stripe, rules: deps.rules, origin: async () => "http://127.0.0.1", mode: "sandbox" },
          { userId: scope.adminId, role: "platform_admin", businessId: null },
          {
            businessId: business.id,
            amount: step.amount,
            clientToken: `demo-month-${business.id}-funding-${step.key}`,
          },
        );
        if (!funded.ok) throw new Error(`demo funding failed: ${funded.error.message}`);
      } else if (step.kind === "deposit") {
        await stripe.testHelpers.treasury.receivedCredits.create(
          {
            financial_account: business.financialAccountId!,
            network: "ach",
            amount: step.amount,
            currency: "usd",
            description: step.description,
          },
          opts(`deposit-${step.key}`),
        );
      } else if (step.kind === "refund") {
        const txn = await lastCapture(stripe, accountId, cards.get(step.person)!);
        if (txn)
          await stripe.testHelpers.issuing.transactions.refund(
            txn.id,
            { refund_amount: Math.round(-txn.amount / 2) },
            opts(`refund-${step.key}`),
          );
      } else if (step.kind === "dispute") {
        const txn = await lastCapture(stripe, accountId, cards.get(step.person)!);
        if (!txn) continue;
        const dispute = await stripe.issuing.disputes.create(
          {
            transaction: txn.id,
            evidence: {
              reason: "fraudulent",
              fraudulent: { explanation: "Nobody here made this purchase; the card was in the office safe." },
            },
          },
          opts(`dispute-${step.key}`),
        );
        // The open one waits for its evidence; the other is submitted and won (the sandbox's default outcome).
        if (step.submit) await stripe.issuing.disputes.submit(dispute.id, {}, opts(`dispute-submit-${step.key}`));
      } else if (step.kind === "replace") {
        const replaced = await replaceCard(
          deps.db,
          stripe,
          { business, userId: scope.ownerId },
          {
            card: cards.get(step.person)!,
            reason: "lost",
            clientToken: "6f1c1a3e-0d7b-4f43-9a53-6c1d2f0e9a11",
          },
        );
        if (!replaced.ok) throw new Error(`demo card replacement failed: ${replaced.error.message}`);
        cards.set(step.person, replaced.data.newCardId);
      } else if (step.kind === "freeze") {
        await stripe.issuing.cards.update(cards.get(step.person)!, { status: "inactive" }, opts(`freeze-${step.key}`));
      } else if (step.kind === "payout") {
        await payout(deps, scope, step);
      }
    }
  }
  return { business: business.legalName, accountId, attempts, declined };
}

async function lastCapture(stripe: Stripe, accountId: string, card: string) {
  const txns = await stripe.issuing.transactions.list({ limit: 10, card }, { stripeAccount: accountId });
  return txns.data.find((t) => t.type === "capture") ?? null;
}

/** One card purchase: the authorization (decided by the app's real-time rules, or Stripe's checks), then its capture. */
async function purchase(
  deps: MonthDeps,
  accountId: string,
  card: string,
  p: DemoPurchase,
  currency: string,
): Promise<boolean> {
  const o = (key: string) => ({ stripeAccount: accountId, idempotencyKey: `demo-month-${accountId}-${p.key}-${key}` });
  const { category, name, city, country } = p.merchant;
  const auth = await deps.stripe.testHelpers.issuing.authorizations.create(
    { card, amount: p.amount, currency, merchant_data: { category, name, city, country } },
    o("auth"),
  );
  if (!auth.approved) return false;
  if (p.capture) await deps.stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, o("capture"));
  return true;
}

/** A USDC payout to a saved destination (made once, by its form token), as the payouts page sends it. */
async function payout(
  deps: MonthDeps,
  scope: Scope,
  step: { key: string; to: "crypto" | "bank"; amount: string; fails: boolean },
): Promise<void> {
  const payoutDeps = { db: deps.db, stripe: deps.stripe, sandboxControl: sandboxControl() };
  const actor = { userId: scope.ownerId, role: "owner" as const, businessId: scope.business.id };
  const token = (what: string) => `demo-month-${scope.business.id}-${what}-${step.key}`;
  const destination =
    step.to === "crypto"
      ? await addCryptoDestination(payoutDeps, actor, {
          clientToken: token("wallet"),
          label: "Treasury wallet (Base)",
          network: "base",
          address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          memo: "",
        })
      : await addBankDestination(payoutDeps, actor, {
          clientToken: token("bank"),
          label: "Operating account (USD)",
          currency: "usd",
          accountNumber: "000123456789",
          routingNumber: "110000000",
        });
  if (!destination.ok) throw new Error(`demo payout destination refused: ${destination.error.message}`);
  const amount = parseMoney(step.amount, "usdc");
  if (!amount.ok) throw new Error(`demo payout amount ${step.amount}: ${amount.message}`);
  const sent = await sendPayout(payoutDeps, actor, {
    clientToken: token("payout"),
    destinationId: destination.data.id,
    amount: amount.amount,
  });
  if (!sent.ok) throw new Error(`demo payout refused: ${sent.error.message}`);
  if (sent.data.replayed) return; // sent (and settled) by an earlier, interrupted seed
  const driven = await drivePayout(payoutDeps, actor, {
    payoutId: sent.data.payoutId,
    action: step.fails ? "fail" : "post",
  });
  if (!driven.ok)
    throw new Error(`demo payout could not be ${step.fails ? "failed" : "posted"}: ${driven.error.message}`);
}

/** Receipts on most captured purchases, uploaded by the owner as the receipts page does. */
async function attachReceipts(deps: MonthDeps, { business, accountId, ownerId }: Scope): Promise<void> {
  const now = new Date();
  const scope = { actor: { userId: ownerId, role: "owner" as const, businessId: business.id }, business };
  let n = 0;
  for await (const auth of deps.stripe.issuing.authorizations.list(
    { limit: 100, status: "closed" },
    { stripeAccount: accountId },
  )) {
    // Every fifth one is left without, so the missing-receipts list has something to chase.
    if (!auth.approved || n++ % 5 === 4) continue;
    const uploaded = await uploadReceipt(
      deps.db,
      deps.stripe,
      deps.storage,
      scope,
      { purchase: auth.id },
      { name: `receipt-${auth.id.slice(-6)}.png`, size: RECEIPT_PNG.length, bytes: RECEIPT_PNG },
      now,
    );
    if (!uploaded.ok) throw new Error(`demo receipt refused: ${uploaded.error.message}`);
  }
}
