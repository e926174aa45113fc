import { after, before, test } from "node:test";
import { settledTopup } from "@/testing/topups";
import assert from "node:assert/strict";
import type { Server } from "node:http";
import { asc } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { openDatabase, type Database } from "@/db/connect";
import {
  authorizations,
  cardholders,
  cards,
  connectedAccounts,
  disputes,
  financialAccounts,
  issuingTransactions,
  moneyTransactions,
  payouts,
  stripeEvents,
} from "@/db/schema";
import { SNAPSHOT_EVENT_TYPES, THIN_EVENT_TYPES } from "@/lib/events/receivers";
import { RulesCache } from "@/lib/rules/rules-store";
import { createStablecoinAccount, createTreasuryAccount } from "@/lib/stripe/accounts";
import { v2Request } from "@/lib/stripe/v2";
import { createTreasuryFinancialAccount } from "@/lib/stripe/financial-accounts";
import { issuingAccountWithCards, verifyUsCompany } from "@/testing/issuing-account";
import { receiverSecrets, receiverServer, type ReceiverSecrets, type ReceiverServer } from "@/testing/receivers";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { faultSeed, seeded, until } from "@/testing/faults/helpers";

// Fault: one copy of the app is down for "a minute" while events happen; another copy, fed by
// the same sandbox, is up throughout. When the first comes back it receives every event it
// missed (in whatever order the retries land) and ends in the same state as the one that never
// went down. The minute is made deterministic: retries fire only when the test forces a round
// (POST /_sandbox/webhooks/retry, with a 10-minute back-off otherwise), and the down app gets
// the first attempt plus 5 forced rounds: the attempts Stripe's doubling back-off from 1 s
// would make in about a minute (1+2+4+8+16+32 s). Events: Issuing (cards, purchases decided in
// real time, captures, reversals, cardholder and account updates, top-ups), Treasury (credit,
// wires posted and failed, debit) and v2 thin events (a stablecoin account opened and renamed).

const RETRY_ROUNDS_WHILE_DOWN = 5;
const SEED = faultSeed(2); // seed 2 delivers a card's update before its create (caught a real bug)

type App = {
  name: string;
  database: Database;
  receivers: ReceiverServer;
  server: Server;
  secrets: ReceiverSecrets;
  down: boolean;
  dropped: number;
  applied: Map<string, number>;
  refuse: Set<string>;
};

let sandbox: SandboxProcess;
let up: App;
let down: App;

async function startApp(name: string): Promise<App> {
  const database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  // The real-time authorization secret is fixed here (sandbox only); the destinations' come from Stripe when they are created.
  const app = {
    name,
    database,
    secrets: receiverSecrets(name.replace(/\W/g, "_")),
    down: false,
    dropped: 0,
    applied: new Map(),
    refuse: new Set(),
  } as unknown as App;
  const rules = new RulesCache(0);
  app.receivers = await receiverServer({
    db: database.db,
    stripe: () => sandbox.stripe,
    secrets: app.secrets,
    rules,
    intercept: (_kind, body) => (app.refuse.delete((JSON.parse(body) as { id: string }).id) ? { status: 503 } : null),
    seen: (_kind, body, result) => {
      const id = (JSON.parse(body) as { id: string }).id;
      if (result.status === 200 && result.body.received && !result.body.duplicate)
        app.applied.set(id, (app.applied.get(id) ?? 0) + 1);
    },
  });
  app.server = app.receivers.server;
  // Down: the port still accepts TCP but the app never answers (the connection is dropped), so
  // every delivery attempt is a failed connection the test can count.
  app.server.on("connection", (socket) => {
    if (!app.down) return;
    app.dropped++;
    socket.destroy();
  });
  return app;
}

/** The two event destinations a platform registers for one copy of the app, each with the secret Stripe returns. */
async function registerDestinations(app: App): Promise<void> {
  for (const payload of ["snapshot", "thin"] as const) {
    const destination = await v2Request(sandbox.stripe, "POST", "/v2/core/event_destinations", {
      name: `${app.name} ${payload}`,
      type: "webhook_endpoint",
      event_payload: payload,
      events_from: ["self", "other_accounts"],
      enabled_events: payload === "snapshot" ? [...SNAPSHOT_EVENT_TYPES] : [...THIN_EVENT_TYPES],
      ...(payload === "snapshot" ? { snapshot_api_version: "2026-10-28.endive" } : {}),
      webhook_endpoint: { url: app.receivers.urls[payload] },
      include: ["webhook_endpoint.signing_secret"],
    });
    app.secrets[payload] = String(destination.webhook_endpoint.signing_secret);
  }
}

/** A verified US account with an open Treasury financial account, made the way the app makes them. */
async function treasuryAccount(): Promise<{ account: string; fa: string }> {
  const account = await createTreasuryAccount(
    sandbox.stripe,
    { email: "treasury@faults.test", legalName: "Treasury Co", country: "US", businessType: "company" },
    "faults-treasury-account",
  );
  await verifyUsCompany(sandbox.stripe, account, "Treasury Co");
  return { account, fa: await createTreasuryFinancialAccount(sandbox.stripe, account, "faults-treasury-fa") };
}

const pending = async () =>
  ((await (await fetch(`${sandbox.url}/_sandbox/webhooks`)).json()) as { pending_deliveries: number })
    .pending_deliveries;

before(async () => {
  sandbox = await startSandboxProcess({
    SANDBOX_WEBHOOK_RETRY_BASE_MS: "600000",
    SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0",
  });
  up = await startApp("always-up");
  down = await startApp("down");
  for (const app of [up, down]) await registerDestinations(app);
});

after(async () => {
  await sandbox.stop();
  for (const app of [up, down]) {
    await app.receivers.close();
    await app.database.close();
  }
});

const READ_MODELS: Array<[string, PgTable & { id: unknown }]> = [
  ["connected_accounts", connectedAccounts],
  ["cardholders", cardholders],
  ["cards", cards],
  ["authorizations", authorizations],
  ["issuing_transactions", issuingTransactions],
  ["disputes", disputes],
  ["financial_accounts", financialAccounts],
  ["payouts", payouts],
  ["money_transactions", moneyTransactions],
];

/** Every read-model row and the event log, minus when this copy happened to receive things. */
async function snapshot(app: App): Promise<Record<string, unknown[]>> {
  const { db } = app.database;
  const out: Record<string, unknown[]> = {};
  for (const [name, table] of READ_MODELS) {
    const rows = await db
      .select()
      .from(table)
      .orderBy(asc((table as unknown as { id: never }).id));
    // sourceAt orders updates; for objects fetched on receipt (balances, ledger lines) it is when this copy fetched them.
    out[name] = rows.map(({ sourceAt, ...row }: Record<string, unknown>) => ({
      ...row,
      hasSourceAt: sourceAt instanceof Date,
    }));
  }
  const events = await db.select().from(stripeEvents).orderBy(asc(stripeEvents.id));
  out.stripe_events = events
    .filter((e) => e.type !== "issuing_authorization.request") // answered synchronously, by whichever app was asked
    .map(({ receivedAt, appliedAt, payload, ...e }) => ({
      ...e,
      received: receivedAt instanceof Date,
      applied: appliedAt !== null,
      payload: { ...payload, pending_webhooks: null },
    }));
  return out;
}

test("an app down for a minute of retries receives every event afterwards and ends in the same state as one that never went down", async () => {
  const {
    account,
    cards: [card1 = "", card2 = ""],
  } = await issuingAccountWithCards(sandbox.stripe, { balance: 200_000, cards: 2 });
  const o = { stripeAccount: account };
  const treasury = await treasuryAccount();
  const t = { stripeAccount: treasury.account };
  // Real-time authorizations go to the app that will be down.
  await sandbox.control("/_sandbox/config", {
    rta_url: down.receivers.urls.authorizations,
    rta_secret: down.secrets.authorizations,
  });
  await until("setup delivered to both", async () => (await pending()) === 0);
  const upBefore = new Set(up.applied.keys());

  down.down = true;
  down.server.closeAllConnections(); // no kept-alive connection survives the crash
  const purchase = (
    cardId: string,
    amount: number,
    category: "taxicabs_limousines" | "fast_food_restaurants" = "taxicabs_limousines",
  ) =>
    sandbox.stripe.testHelpers.issuing.authorizations.create(
      { card: cardId, amount, currency: "usd", merchant_data: { category, country: "US", name: "Merchant" } },
      o,
    );

  // The app that should decide a purchase is down: Stripe's stand-in decision applies (decline).
  const standIn = await purchase(card1, 1_000);
  assert.equal(standIn.approved, false);
  assert.equal(standIn.request_history.at(-1)?.reason, "webhook_error");
  const rtaDrops = down.dropped;
  assert.ok(rtaDrops >= 1, "the real-time request reached the down app's port and got no answer");

  // Then decisions move to the app that is up, and a minute of business happens.
  await sandbox.control("/_sandbox/config", {
    rta_url: up.receivers.urls.authorizations,
    rta_secret: up.secrets.authorizations,
  });
  const captured = await purchase(card1, 2_500);
  const reversed = await purchase(card2, 1_200, "fast_food_restaurants");
  assert.ok(captured.approved && reversed.approved);
  await sandbox.stripe.testHelpers.issuing.authorizations.capture(captured.id, {}, o);
  await sandbox.stripe.testHelpers.issuing.authorizations.reverse(reversed.id, {}, o);
  const holder = (await sandbox.stripe.issuing.cards.retrieve(card1, {}, o)).cardholder.id;
  const card3 = await sandbox.stripe.issuing.cards.create(
    { cardholder: holder, currency: "usd", type: "virtual", status: "active" },
    o,
  );
  await sandbox.stripe.issuing.cards.update(card2, { status: "inactive" }, o);
  await sandbox.stripe.issuing.cardholders.update(holder, { email: "new-address@example.test" }, o);
  await sandbox.stripe.accounts.update(account, { business_profile: { url: "https://changed.example.com" } });
  await settledTopup(sandbox.stripe, { amount: 5_000, stripeAccount: account });
  await purchase(card3.id, 900);
  await sandbox.stripe.issuing.cards.update(card3.id, { status: "inactive" }, o); // created and changed within the outage
  // A v2 (stablecoin) account is opened and renamed: thin events, fetched on receipt.
  const mx = await createStablecoinAccount(
    sandbox.stripe,
    { email: "mx@faults.test", legalName: "Aurora Faults", country: "MX", businessType: "company" },
    "faults-mx-account",
  );
  await v2Request(sandbox.stripe, "POST", `/v2/core/accounts/${mx}`, { display_name: "Aurora Faults Renamed" });
  // Treasury: money in, a wire out that posts, another that fails, a debit.
  await sandbox.stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: treasury.fa, network: "ach", amount: 50_000, currency: "usd" },
    t,
  );
  const wire = (amount: number) =>
    sandbox.stripe.treasury.outboundPayments.create(
      {
        financial_account: treasury.fa,
        amount,
        currency: "usd",
        destination_payment_method_options: { us_bank_account: { network: "us_domestic_wire" } },
        destination_payment_method_data: {
          type: "us_bank_account",
          us_bank_account: { routing_number: "110000000", account_number: "000000000009" },
          billing_details: { name: "Vendor" },
        },
      },
      t,
    );
  const posted = await wire(7_000);
  await sandbox.stripe.testHelpers.treasury.outboundPayments.post(posted.id, {}, t);
  const failed = await wire(3_000);
  await sandbox.stripe.testHelpers.treasury.outboundPayments.fail(failed.id, {}, t);
  await sandbox.stripe.testHelpers.treasury.receivedDebits.create(
    { financial_account: treasury.fa, amount: 1_000, currency: "usd", network: "ach" },
    t,
  );

  // The up app has everything; what is pending is exactly the down app's deliveries (none given
  // up or lost), each tried once so far.
  const current = () =>
    until("the up app to be current", async () => {
      const missedIds = [...up.applied.keys()].filter((id) => !upBefore.has(id));
      const p = await pending();
      return p > 0 && p === missedIds.length && missedIds;
    });
  let missed = await current();
  await until("a first attempt of each", async () => down.dropped - rtaDrops >= missed.length);
  for (let round = 1; round <= RETRY_ROUNDS_WHILE_DOWN; round++) {
    const dropped = down.dropped;
    await sandbox.control("/_sandbox/webhooks/retry");
    await until(`retry round ${round}`, async () => down.dropped - dropped >= missed.length);
    missed = await current();
  }
  const D = missed.length;
  assert.ok(D >= 20, `events during the outage: ${D}`);
  assert.equal(down.applied.size, up.applied.size - D, "the down app applied nothing meanwhile");

  // Back up. Stripe promises no order: a seeded half of the events is refused once more (503,
  // as while the app warms up), so they land after the others, e.g. an update before its create.
  const random = seeded(SEED);
  for (const id of missed) if (random() < 0.5) down.refuse.add(id);
  const late = down.refuse.size;
  down.down = false;
  await sandbox.control("/_sandbox/webhooks/retry");
  await until("the first catch-up round", async () => (await pending()) === late && down.refuse.size === 0);
  await sandbox.control("/_sandbox/webhooks/retry");
  await until("the down app to catch up", async () => (await pending()) === 0);

  for (const id of missed) assert.equal(down.applied.get(id), 1, `${id} applied once by the app that was down`);
  assert.deepEqual(
    [...down.applied.values()].filter((n) => n !== 1),
    [],
    "no event applied twice",
  );
  const [a, b] = [await snapshot(up), await snapshot(down)];
  for (const name of Object.keys(a))
    assert.deepEqual(b[name], a[name], `${name}: the app that was down matches the one that was up`);
  assert.ok(
    (a.authorizations ?? []).length >= 4 &&
      (a.cards ?? []).filter((c) => (c as { status: string }).status === "inactive").length === 2,
    "the compared state is not empty",
  );
  assert.ok(
    (a.connected_accounts ?? []).some(
      (c) =>
        (c as { id: string; displayName: string }).id === mx &&
        (c as { displayName: string }).displayName === "Aurora Faults Renamed",
    ),
    "the v2 account's latest state",
  );
  assert.ok(
    (a.payouts ?? []).length === 2 &&
      (a.money_transactions ?? []).length >= 4 &&
      (a.financial_accounts ?? []).length === 1,
    "Treasury state is compared too",
  );
  console.log(
    `app down (seed ${SEED}): ${D} events missed during ${1 + RETRY_ROUNDS_WHILE_DOWN} failed attempts each, ${down.dropped} dropped connections; ${late} of them delivered after the rest; read models and event log identical afterwards`,
  );
});
