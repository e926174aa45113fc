import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { hasAppMeta, insertAppMeta } from "@/db/queries/app-meta";
import { businessesNamed } from "@/db/queries/businesses";
import { getUserByEmail } from "@/db/queries/users";
import type { Business } from "@/db/schema";
import { fundBusiness } from "@/lib/admin/funding";
import { replaceCard } from "@/lib/cards/replace";
import { loadRules, saveBusinessRules, savePlatformRules, type RulesCache } from "@/lib/rules/rules-store";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { uploadReceipt } from "@/lib/receipts/upload";
import type { Storage } from "@/lib/receipts/storage";
import { demoPurchases, DEMO_PEOPLE, type DemoPurchase } from "./month-plan";
import type { SandboxControls } from "./sandbox-controls";

// Sandbox mode only: a month of life for the US demo business, made through the APIs a user's
// clicks would call (Stripe's for cards and purchases, the app's own modules for fundings,
// replacements and receipts), with the sandbox clock moved back 30 days and forward again, so the
// read models, the decision log and the sandbox agree. The app's receivers must be listening
// (the seed runs them itself, on the app's port, before the app starts: scripts/setup-db.ts).

const DAY_S = 86_400;
export const DEMO_MONTH_BUSINESS = "Acme Supplies Inc.";
// A 1×1 PNG: the receipts' bytes (the demo shows that a receipt is there, not what it says).
const RECEIPT_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

export type MonthDeps = {
  db: Db;
  stripe: Stripe;
  rules: RulesCache;
  storage: Storage;
  sandbox: SandboxControls;
  log: (line: string) => void;
};

export type MonthSummary = { attempts: number; approved: number; declined: number; cards: number };

/** Seeds the month once per business (an app_meta row records it); answers null when it was there already. */
export async function seedDemoMonth(deps: MonthDeps): Promise<MonthSummary | null> {
  const { db } = deps;
  const [business] = await businessesNamed(db, { legalNames: [DEMO_MONTH_BUSINESS] });
  if (!business?.stripeAccountId || !business.financialAccountId) return null;
  const done = `demo-month:${business.id}`;
  if (await hasAppMeta(db, { key: done })) return null;
  const owner = await getUserByEmail(db, { email: "owner@us.test" });
  const admin = await getUserByEmail(db, { email: "admin@platform.test" });
  if (!owner || !admin) return null;
  await demoRules(deps, business, admin.id, owner.id);
  const wallNow = await deps.sandbox.now();
  const start = wallNow - 30 * DAY_S;
  let summary: MonthSummary;
  try {
    summary = await liveTheMonth(deps, business, { start, ownerId: owner.id, adminId: admin.id });
  } finally {
    // Forward again to the wall clock (the offset back to zero), whatever happened on the way.
    await deps.sandbox.reset();
  }
  await deps.sandbox.settled();
  await attachReceipts(deps, business, owner.id);
  await insertAppMeta(db, { key: done, value: summary });
  return summary;
}

/** A platform rule (no money transfers) and Acme's own (a per-purchase maximum), when none are set. */
async function demoRules(deps: MonthDeps, business: Business, adminId: string, ownerId: string): Promise<void> {
  const current = await loadRules(deps.db, business.stripeAccountId);
  if (current.platform.blockedCategories.length === 0)
    await savePlatformRules(
      deps.db,
      { ...current.platform, blockedCategories: ["wires_money_orders"] },
      adminId,
      deps.rules,
    );
  if (!current.business) {
    const saved = await saveBusinessRules(
      deps.db,
      business.id,
      { ...EMPTY_RULES, maxAmount: 250_000, currency: "usd" },
      ownerId,
      deps.rules,
    );
    if (!saved.ok) throw new Error(`demo rules refused: ${saved.problems.join("; ")}`);
  }
}

type Ids = { start: number; ownerId: string; adminId: string };

async function liveTheMonth(deps: MonthDeps, business: Business, ids: Ids): Promise<MonthSummary> {
  const { stripe, sandbox } = deps;
  const accountId = business.stripeAccountId!;
  const opts = (key: string) => ({ stripeAccount: accountId, idempotencyKey: `demo-month-${accountId}-${key}` });
  await sandbox.set(ids.start + 8 * 3600);
  // The team's cards: one per person, plus a physical card that ships and one that is frozen later.
  const cards = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const holder = await stripe.issuing.cardholders.create(
      {
        type: "individual",
        name: person.name,
        email: person.email,
        phone_number: person.phone,
        billing: {
          address: {
            line1: "510 Townsend St",
            city: "San Francisco",
            state: "CA",
            postal_code: "94103",
            country: "US",
          },
        },
        individual: {
          first_name: person.name.split(" ")[0]!,
          last_name: person.name.split(" ")[1]!,
          card_issuing: { user_terms_acceptance: { date: ids.start, ip: "127.0.0.1" } },
        },
      },
      opts(`holder-${person.key}`),
    );
    const card = await stripe.issuing.cards.create(
      {
        cardholder: holder.id,
        currency: "usd",
        type: person.physical ? "physical" : "virtual",
        status: "active",
        financial_account: business.financialAccountId!,
        spending_controls: { spending_limits: [{ amount: 400_000, interval: "daily" }] },
        ...(person.physical
          ? { shipping: { name: person.name, service: "standard" as const, address: SHIP_TO }, status: undefined }
          : {}),
      },
      opts(`card-${person.key}`),
    );
    if (person.physical) {
      await stripe.testHelpers.issuing.cards.shipCard(card.id, {}, opts(`ship-${person.key}`));
      await stripe.testHelpers.issuing.cards.deliverCard(card.id, {}, opts(`deliver-${person.key}`));
      await stripe.issuing.cards.update(card.id, { status: "active" }, opts(`activate-${person.key}`));
    }
    cards.set(person.key, card.id);
  }
  // A physical card still on its way (shipped, not yet delivered): a fifth state on the cards page.
  const traveller = DEMO_PEOPLE.find((p) => p.key === "sam")!;
  const spare = await stripe.issuing.cards.create(
    {
      cardholder: (await stripe.issuing.cards.retrieve(cards.get("sam")!, {}, opts("x"))).cardholder.id,
      currency: "usd",
      type: "physical",
      financial_account: business.financialAccountId!,
      shipping: { name: traveller.name, service: "express", address: SHIP_TO },
    },
    opts("card-sam-physical"),
  );
  await stripe.testHelpers.issuing.cards.shipCard(spare.id, {}, opts("ship-sam-physical"));

  const plan = demoPurchases(ids.start);
  let approved = 0;
  let declined = 0;
  const captured: string[] = [];
  for (const day of plan.days) {
    await sandbox.set(day.at);
    for (const step of day.steps) {
      if (step.kind === "purchase") {
        await sandbox.set(step.purchase.at);
        const ok = await purchase(deps, accountId, cards.get(step.purchase.person)!, step.purchase, captured);
        if (ok) approved++;
        else declined++;
      } else if (step.kind === "funding") {
        await fundBusiness(
          { db: deps.db, stripe, rules: deps.rules, origin: async () => "http://127.0.0.1", mode: "sandbox" },
          { userId: ids.adminId, role: "platform_admin", businessId: null },
          { businessId: business.id, amount: step.amount, clientToken: `demo-month-funding-${step.key}` },
        );
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
      } else if (step.kind === "refund" && captured.length) {
        const txns = await stripe.issuing.transactions.list({ limit: 1, card: cards.get(step.person) }, opts("x"));
        const txn = txns.data[0];
        if (txn && txn.type === "capture")
          await stripe.testHelpers.issuing.transactions.refund(
            txn.id,
            { refund_amount: Math.round(-txn.amount / 2) },
            opts(`refund-${step.key}`),
          );
      } else if (step.kind === "dispute") {
        const txns = await stripe.issuing.transactions.list({ limit: 1, card: cards.get(step.person) }, opts("x"));
        const txn = txns.data.find((t) => t.type === "capture");
        if (!txn) continue;
        const dispute = await stripe.issuing.disputes.create(
          {
            transaction: txn.id,
            evidence: {
              reason: "fraudulent",
              fraudulent: { explanation: "Nobody at Acme made this purchase; the card was in the office safe." },
            },
          },
          opts(`dispute-${step.key}`),
        );
        // The open one waits for its evidence to be reviewed; the other is submitted and (the sandbox's default outcome) won.
        if (step.submit) await stripe.issuing.disputes.submit(dispute.id, {}, opts(`dispute-submit-${step.key}`));
      } else if (step.kind === "replace") {
        const scope = { business, userId: ids.ownerId };
        await replaceCard(deps.db, stripe, scope, {
          card: cards.get(step.person)!,
          reason: "lost",
          clientToken: "6f1c1a3e-0d7b-4f43-9a53-6c1d2f0e9a11",
        }).then((r) => {
          if (!r.ok) throw new Error(`demo card replacement failed: ${r.error.message}`);
          cards.set(step.person, r.data.newCardId);
        });
      } else if (step.kind === "freeze") {
        await stripe.issuing.cards.update(cards.get(step.person)!, { status: "inactive" }, opts(`freeze-${step.key}`));
      }
    }
  }
  return { attempts: approved + declined, approved, declined, cards: DEMO_PEOPLE.length + 2 };
}

const SHIP_TO = { line1: "510 Townsend St", city: "San Francisco", state: "CA", postal_code: "94103", country: "US" };

/** One card purchase: the authorization (decided by the app's real-time rules), then its capture. */
async function purchase(
  deps: MonthDeps,
  accountId: string,
  card: string,
  p: DemoPurchase,
  captured: string[],
): Promise<boolean> {
  const o = (key: string) => ({ stripeAccount: accountId, idempotencyKey: `demo-month-${accountId}-${p.key}-${key}` });
  const auth = await deps.stripe.testHelpers.issuing.authorizations.create(
    {
      card,
      amount: p.amount,
      currency: "usd",
      merchant_data: {
        category: p.merchant.category,
        name: p.merchant.name,
        city: p.merchant.city,
        country: p.merchant.country,
      },
    },
    o("auth"),
  );
  if (!auth.approved) return false;
  if (p.capture) {
    await deps.stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, o("capture"));
    captured.push(auth.id);
  }
  return true;
}

/** Receipts on most captured purchases, uploaded by the owner as the receipts page does. */
async function attachReceipts(deps: MonthDeps, business: Business, ownerId: string): Promise<void> {
  const now = new Date();
  let n = 0;
  for await (const auth of deps.stripe.issuing.authorizations.list(
    { limit: 100, status: "closed" },
    { stripeAccount: business.stripeAccountId! },
  )) {
    // Every fifth one is left without, so the missing-receipts list has something to chase.
    if (n++ % 5 === 4 || !auth.approved) continue;
    await uploadReceipt(
      deps.db,
      deps.stripe,
      deps.storage,
      { actor: { userId: ownerId, role: "owner", businessId: business.id }, business },
      { purchase: auth.id },
      { name: `receipt-${auth.id.slice(-6)}.png`, size: RECEIPT_PNG.length, bytes: RECEIPT_PNG },
      now,
    );
  }
}
