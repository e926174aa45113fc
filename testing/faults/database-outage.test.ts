import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq, inArray } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/connect";
import { authorizationDecisions, authorizations, cards, stripeEvents } from "@/db/schema";
import { issuingAccountWithCards } from "@/testing/issuing-account";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { POST as authorizationsRoute } from "@/app/api/webhooks/stripe/authorizations/route";
import { POST as snapshotRoute } from "@/app/api/webhooks/stripe/snapshot/route";
import { POST as thinRoute } from "@/app/api/webhooks/stripe/thin/route";
import { RECEIVERS } from "@/lib/events/receivers";
import { kindOfPath, receiverSecrets, sandboxReceiverEnv } from "@/testing/receivers";
import { FlakyDatabase, httpServer, until } from "@/testing/faults/helpers";
import { quietly } from "@/testing/quietly";

// Fault: the database is unavailable while Stripe (the sandbox) delivers webhooks to the real
// routes (app/api/webhooks/stripe/{authorizations,snapshot,thin}/route.ts, each with its own
// secret). A route must answer 5xx so the sandbox retries, never 2xx for an event it did not
// store; once the database is back the event is applied exactly once. Real-time authorization
// requests arriving meanwhile still get an answer in time (the configured fallback), and
// nothing is left half-written.

const SECRETS = receiverSecrets("faults_database_outage");
const SECRET = SECRETS.snapshot;
const ROUTES = { authorizations: authorizationsRoute, snapshot: snapshotRoute, thin: thinRoute };
type Attempt = { id: string; type: string; status: number };

let sandbox: SandboxProcess;
let database: Database;
let dead: Database;
let flaky: FlakyDatabase;
let server: Awaited<ReturnType<typeof httpServer>>;
const attempts: Attempt[] = [];
let account: string;
let firstCard: string;
const globals = globalThis as unknown as { issuingConsoleDb?: unknown; issuingConsoleStripe?: unknown };

const pending = async () =>
  ((await (await fetch(`${sandbox.url}/_sandbox/webhooks`)).json()) as { pending_deliveries: number })
    .pending_deliveries;
const statusesOf = (id: string) => attempts.filter((a) => a.id === id).map((a) => a.status);

before(async () => {
  database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  dead = openDatabase({ dataDir: "memory://" });
  await dead.close();
  flaky = new FlakyDatabase(database.db);
  // The route reads its database, Stripe client and secret from the process, as in the app.
  globals.issuingConsoleDb = { ...database, db: flaky.db };
  for (const r of Object.values(RECEIVERS)) process.env[r.secretEnv] = SECRETS[r.kind];
  server = await httpServer(async (req) => {
    const body = await req.clone().text();
    const parsed = JSON.parse(body) as { id: string; type: string };
    const kind = kindOfPath(new URL(req.url).pathname);
    if (!kind) return new Response("not found", { status: 404 });
    const res = await ROUTES[kind](req);
    attempts.push({ id: parsed.id, type: parsed.type, status: res.status });
    return res;
  });
  // Retries only when the test asks (POST /_sandbox/webhooks/retry), so the outage is not raced by the clock.
  const urls = {
    authorizations: `${server.url}${RECEIVERS.authorizations.path}`,
    snapshot: `${server.url}${RECEIVERS.snapshot.path}`,
    thin: `${server.url}${RECEIVERS.thin.path}`,
  };
  sandbox = await startSandboxProcess({
    ...sandboxReceiverEnv(urls, SECRETS),
    SANDBOX_WEBHOOK_RETRY_BASE_MS: "600000",
  });
  globals.issuingConsoleStripe = sandbox.stripe;
  ({
    account,
    cards: [firstCard = ""],
  } = await issuingAccountWithCards(sandbox.stripe, { balance: 100_000, cards: 1 }));
  await until("the setup events to be delivered", async () => (await pending()) === 0);
});

after(async () => {
  await sandbox.stop();
  await server.close();
  await database.close();
  delete globals.issuingConsoleDb;
  delete globals.issuingConsoleStripe;
  for (const r of Object.values(RECEIVERS)) delete process.env[r.secretEnv];
});

test("while the database is down every delivery gets a 503 and nothing is stored; once it is back the retries apply each event once", async () => {
  const { db } = database;
  const o = { stripeAccount: account };
  const holder = (await sandbox.stripe.issuing.cards.retrieve(firstCard, {}, o)).cardholder.id;
  const before = attempts.length;
  const issuingBefore = (await sandbox.stripe.balance.retrieve({}, o)).issuing?.available[0]?.amount;

  flaky.down(dead.db);
  const { newCard, purchase } = await quietly(async () => {
    const newCard = await sandbox.stripe.issuing.cards.create(
      { cardholder: holder, currency: "usd", type: "virtual", status: "active" },
      o,
    );
    await sandbox.stripe.issuing.cards.update(firstCard, { status: "inactive" }, o);
    // A purchase needs a decision now: the app can't read its rules, so it answers its fallback (decline).
    const purchase = await sandbox.stripe.testHelpers.issuing.authorizations.create(
      {
        card: newCard.id,
        amount: 1_500,
        currency: "usd",
        merchant_data: { category: "taxicabs_limousines", country: "US", name: "Cab" },
      },
      o,
    );
    // Each delivery is tried once and refused: as many failed events as pending deliveries.
    await until("a first attempt of every delivery", async () => {
      const failed = new Set(
        attempts
          .slice(before)
          .filter((a) => a.type !== "issuing_authorization.request")
          .map((a) => a.id),
      );
      return failed.size > 0 && failed.size === (await pending());
    });
    return { newCard, purchase };
  });
  const during = attempts.slice(before);
  const eventIds = [...new Set(during.filter((a) => a.type !== "issuing_authorization.request").map((a) => a.id))];
  assert.ok(eventIds.length >= 3, `events delivered during the outage: ${eventIds.length}`);
  for (const id of eventIds) assert.deepEqual(statusesOf(id), [503], `${id} refused with a 503, never acknowledged`);

  // The purchase was answered with the configured fallback (decline) and no money was held.
  assert.equal(purchase.approved, false);
  assert.ok(
    ["webhook_declined", "webhook_error", "webhook_timeout"].includes(String(purchase.request_history.at(-1)?.reason)),
    JSON.stringify(purchase.request_history),
  );
  assert.equal((await sandbox.stripe.balance.retrieve({}, o)).issuing?.available[0]?.amount, issuingBefore);

  flaky.up();
  assert.equal(
    (await db.select().from(stripeEvents).where(inArray(stripeEvents.id, eventIds))).length,
    0,
    "nothing stored while down",
  );
  await sandbox.control("/_sandbox/webhooks/retry");
  await until("every redelivery", async () => (await pending()) === 0);
  for (const id of eventIds) assert.deepEqual(statusesOf(id), [503, 200], `${id} redelivered once and acknowledged`);
  const stored = await db.select().from(stripeEvents).where(inArray(stripeEvents.id, eventIds));
  assert.equal(stored.length, eventIds.length, "every event stored once");
  assert.ok(stored.every((e) => e.appliedAt && !e.error));

  const [c1] = await db.select().from(cards).where(eq(cards.id, firstCard));
  assert.equal(c1?.status, "inactive");
  const [c2] = await db.select().from(cards).where(eq(cards.id, newCard.id));
  assert.equal(c2?.status, "active");
  const [auth] = await db.select().from(authorizations).where(eq(authorizations.id, purchase.id));
  assert.equal(auth?.approved, false);

  // Nothing half-written for the real-time request: it is in the event log only with its decision.
  const requestIds = [...new Set(during.filter((a) => a.type === "issuing_authorization.request").map((a) => a.id))];
  assert.equal(requestIds.length, 1);
  const logged = await db.select().from(stripeEvents).where(inArray(stripeEvents.id, requestIds));
  const decided = await db
    .select()
    .from(authorizationDecisions)
    .where(inArray(authorizationDecisions.eventId, requestIds));
  assert.equal(logged.length, decided.length, "event log and decision log agree");

  // The same event delivered again changes nothing.
  const replay = await sandbox.stripe.events.retrieve(eventIds[0]!, {}, o);
  const body = JSON.stringify(replay);
  const header = sandbox.stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
  const res = await snapshotRoute(
    new Request(`http://127.0.0.1${RECEIVERS.snapshot.path}`, {
      method: "POST",
      body,
      headers: { "stripe-signature": header },
    }),
  );
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { duplicate?: boolean }).duplicate, true);
  assert.equal((await db.select().from(stripeEvents).where(eq(stripeEvents.id, eventIds[0]!))).length, 1);
});

test("a connection lost inside the transaction that applies an event rolls it back, answers 503, and the redelivery applies it once", async () => {
  const { db } = database;
  const o = { stripeAccount: account };
  await until("quiet", async () => (await pending()) === 0);
  const before = attempts.length;
  // The event is inserted into the log, then the connection drops on the next statement (the read-model upsert).
  let armed = true;
  flaky.failStatements((_n, statement, args) => {
    if (armed && statement === "insert" && args[0] === cards) {
      armed = false;
      return true;
    }
    return false;
  });
  await quietly(async () => {
    await sandbox.stripe.issuing.cards.update(firstCard, { status: "active" }, o);
    await until("the first attempt", async () => attempts.length > before && (await pending()) === 1);
  });
  const [first] = attempts.slice(before);
  assert.equal(first?.type, "issuing_card.updated");
  assert.equal(first?.status, 503);
  assert.equal(
    (await db.select().from(stripeEvents).where(eq(stripeEvents.id, first!.id))).length,
    0,
    "the log insert was rolled back with the apply",
  );
  assert.equal((await db.select().from(cards).where(eq(cards.id, firstCard)))[0]?.status, "inactive");

  await sandbox.control("/_sandbox/webhooks/retry");
  await until("the redelivery", async () => (await pending()) === 0);
  assert.deepEqual(statusesOf(first!.id), [503, 200]);
  assert.equal((await db.select().from(stripeEvents).where(eq(stripeEvents.id, first!.id))).length, 1);
  assert.equal((await db.select().from(cards).where(eq(cards.id, firstCard)))[0]?.status, "active");
  flaky.up();
});

test("a real-time authorization whose decision can't be logged is answered the fallback in time, and the fallback reaches the log with its event", async () => {
  const { db } = database;
  const o = { stripeAccount: account };
  await until("quiet", async () => (await pending()) === 0);
  const before = attempts.length;
  // The rules load and the event-log insert work; the connection drops on the decision insert.
  flaky.failStatements((_n, statement, args) => statement === "insert" && args[0] === authorizationDecisions);
  const purchase = await quietly(() =>
    sandbox.stripe.testHelpers.issuing.authorizations.create(
      {
        card: firstCard,
        amount: 700,
        currency: "usd",
        merchant_data: { category: "taxicabs_limousines", country: "US", name: "Cab" },
      },
      o,
    ),
  );
  flaky.up();
  // The rules would approve a taxi ride, but an answer is only given from the log: one that can't be
  // logged is the configured fallback (decline), logged as such once the database takes it.
  assert.equal(purchase.approved, false);
  const request = attempts.slice(before).find((a) => a.type === "issuing_authorization.request");
  assert.equal(request?.status, 200);
  const decision = () =>
    db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, request!.id));
  await until("the fallback in the log", async () => (await decision()).length === 1);
  const [decided] = await decision();
  assert.equal(decided?.decidedBy, "fallback");
  assert.equal(decided?.approved, false);
  const logged = await db.select().from(stripeEvents).where(eq(stripeEvents.id, request!.id));
  assert.equal(logged.length, 1, "the request is in the event log together with its decision");
  await until("the authorization events", async () => (await pending()) === 0);
  const [auth] = await db.select().from(authorizations).where(eq(authorizations.id, purchase.id));
  assert.equal(auth?.approved, false, "the read model shows the answer Stripe got");
});
