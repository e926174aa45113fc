import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db/connect";
import { cards, walletEntries } from "@/db/schema";
import { deliveringSandbox, type DeliveringSandbox } from "@/testing/receivers";
import type { SandboxProcess } from "@/testing/sandbox-process";
import { seededBusinesses } from "@/testing/seeded-business";
import { walletExportResponse } from "./export";
import { listWalletEntries } from "./history";

// The wallet's history follows the events that carry money, not only a visit to /wallet: a captured
// USDC card purchase reaches the read model through the webhooks the sandbox sends (no sync call here).
let app: DeliveringSandbox;
let sandbox: SandboxProcess;
let database: Database;

before(async () => {
  app = await deliveringSandbox("wallet_events", { env: { SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0" } });
  ({ sandbox, database } = app);
});

after(() => app.stop());

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}\n${sandbox.logs().slice(-2000)}`);
}

test("a captured USDC card purchase lands in the wallet's history (and its CSV) through the webhook events, with the card's wallet in the card read model", async () => {
  const { db } = database;
  // A verified, funded MX business (the demo seed's path), as the app provisions it.
  const [{ business }] = await seededBusinesses(db, app.appStripe, ["MX"]);
  const account = business.stripeAccountId!;
  const wallet = business.financialAccountId!;
  // The platform's funding arrives the same way: a received credit, 1,000.00 USDC for 1,000.00 USD.
  const funding = await until(
    "the funding line",
    async () =>
      (
        await db
          .select()
          .from(walletEntries)
          .where(and(eq(walletEntries.businessId, business.id), eq(walletEntries.kind, "funding")))
      )[0],
  );
  assert.deepEqual(
    [funding.amount, funding.currency, funding.counterAmount, funding.counterCurrency],
    [100_000, "usdc", -100_000, "usd"],
  );

  const opts = { stripeAccount: account };
  const holder = await sandbox.stripe.issuing.cardholders.create(
    {
      type: "individual",
      name: "Lupe Wallet",
      billing: { address: { line1: "Calle de la Paz 123", city: "Cancun", postal_code: "77500", country: "MX" } },
      individual: {
        first_name: "Lupe",
        last_name: "Wallet",
        user_terms_acceptance: { lead: { date: 1_700_000_000, ip: "127.0.0.1" } },
      },
    } as unknown as Stripe.Issuing.CardholderCreateParams,
    opts,
  );
  const card = await sandbox.stripe.issuing.cards.create(
    {
      cardholder: holder.id,
      currency: "usd",
      type: "virtual",
      status: "active",
      financial_account_v2: wallet,
    } as Stripe.Issuing.CardCreateParams,
    opts,
  );
  const row = await until(
    "the card in the read model",
    async () => (await db.select().from(cards).where(eq(cards.id, card.id)))[0],
  );
  assert.deepEqual(
    [row.financialAccount, row.financialAccountV2],
    [null, wallet],
    "the card read model knows its wallet",
  );

  const auth = await sandbox.stripe.testHelpers.issuing.authorizations.create(
    {
      card: card.id,
      amount: 1_250,
      currency: "usd",
      merchant_data: { category: "taxicabs_limousines", name: "Rocket Rides", country: "MX" },
    },
    opts,
  );
  assert.equal(auth.approved, true);
  await sandbox.stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);

  const spent = await until(
    "the card spending line",
    async () =>
      (
        await db
          .select()
          .from(walletEntries)
          .where(and(eq(walletEntries.businessId, business.id), eq(walletEntries.kind, "card_spending")))
      )[0],
  );
  assert.deepEqual(
    [spent.amount, spent.currency, spent.status, spent.financialAccount, spent.flowType],
    [-1_250, "usdc", "posted", wallet, "received_debit"],
  );
  const history = await listWalletEntries(db, { businessId: business.id, filter: {} });
  assert.deepEqual(
    history.rows.map((r) => r.kind),
    ["card_spending", "funding"],
    "newest first, without a sync",
  );
  const csv = await (
    await walletExportResponse(db, { businessId: business.id, role: "owner" }, new URLSearchParams())
  ).text();
  assert.match(csv, /Card spending,.*,-12\.50,USDC/);
});
