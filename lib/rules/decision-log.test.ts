import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import Stripe from "stripe";
import { openDatabase, type Database } from "@/db/connect";
import { authorizationDecisions, businesses } from "@/db/schema";
import { createServerDatabase } from "@/db/testing";
import { authorization, event } from "@/testing/events";
import { receiverSecrets, receiverServer, type ReceiverServer } from "@/testing/receivers";
import { unreachableStripe } from "@/testing/stripe-clients";
import { EMPTY_RULES } from "./engine";
import { RulesCache, saveDecisionSettings, savePlatformRules } from "./rules-store";

// Several app instances share one Postgres server here, as in production: these need TEST_DATABASE_URL.
const serverUrl = process.env.TEST_DATABASE_URL;
const needsServer = serverUrl ? {} : { skip: "TEST_DATABASE_URL is not set (instances share a Postgres server)" };
const ACCOUNT = "acct_instances";
const SECRETS = receiverSecrets("decision_log");

type Instance = { database: Database; rules: RulesCache; receivers: ReceiverServer };

async function startInstance(url: string): Promise<Instance> {
  const database = openDatabase({ url, maxConnections: 4 });
  const rules = new RulesCache();
  const stripe = unreachableStripe();
  const receivers = await receiverServer({ db: database.db, stripe: () => stripe, secrets: SECRETS, rules });
  return { database, rules, receivers };
}

/** Sends a signed real-time request for `card` as Stripe would; the answer's `approved`, or null if none came. */
async function ask(base: string, card: string, amount = 500): Promise<{ eventId: string; approved: boolean | null }> {
  const e = event("issuing_authorization.request", authorization({ card, amount }), { account: ACCOUNT });
  const payload = JSON.stringify(e);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRETS.authorizations });
  try {
    const res = await fetch(`${base}/api/webhooks/stripe/authorizations`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body: payload,
    });
    if (res.status !== 200) return { eventId: e.id, approved: null };
    return { eventId: e.id, approved: ((await res.json()) as { approved: boolean }).approved };
  } catch {
    return { eventId: e.id, approved: null };
  }
}

async function logged(database: Database, eventId: string) {
  const [row] = await database.db
    .select()
    .from(authorizationDecisions)
    .where(eq(authorizationDecisions.eventId, eventId));
  return row;
}

describe("real-time decisions on several app instances sharing Postgres", needsServer, () => {
  let server: { url: string; dispose(): Promise<void> };
  let a: Instance;
  let b: Instance;

  before(async () => {
    server = await createServerDatabase(serverUrl!);
    a = await startInstance(server.url);
    await a.database.migrate();
    b = await startInstance(server.url);
    await a.database.db.insert(businesses).values({
      legalName: "Instances Co",
      country: "US",
      businessType: "company",
      fundingModel: "treasury",
      stripeAccountId: ACCOUNT,
    });
    await savePlatformRules(a.database.db, { ...EMPTY_RULES, velocityPerHour: 5 }, null, a.rules);
  });

  after(async () => {
    for (const i of [a, b]) {
      await i?.receivers.close();
      await i?.database.close();
    }
    await server?.dispose();
  });

  test("the velocity limit holds across two instances: of 40 requests for one card, sent alternately and at once, exactly 5 are approved", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ask((i % 2 ? b : a).receivers.base, "ic_shared_card")),
    );
    assert.equal(answers.filter((x) => x.approved === null).length, 0, "every request was answered");
    assert.equal(answers.filter((x) => x.approved).length, 5);
    for (const x of answers) assert.equal((await logged(a.database, x.eventId))?.approved, x.approved);
    // Another card has its own count, on either instance.
    assert.equal((await ask(b.receivers.base, "ic_other_card")).approved, true);
  });

  test("with the decision log's table locked, answers are the fallback within the budget, and are logged as fallback once it is free", async () => {
    await saveDecisionSettings(a.database.db, { fallback: "decline", budgetMs: 300 }, a.rules);
    assert.equal((await ask(a.receivers.base, "ic_stall_warm")).approved, true, "rules and settings loaded");
    const locker = postgres(server.url, { max: 1, onnotice: () => {} });
    const reserved = await locker.reserve();
    await reserved`begin`;
    await reserved`lock table authorization_decisions in access exclusive mode`;
    let answers: Array<{ eventId: string; approved: boolean | null }>;
    try {
      answers = await Promise.all([1, 2, 3].map((n) => ask(a.receivers.base, `ic_stall_${n}`)));
    } finally {
      await reserved`commit`;
      reserved.release();
      await locker.end();
    }
    // The rules would approve these; the fallback (decline) was answered instead.
    assert.deepEqual(
      answers.map((x) => x.approved),
      [false, false, false],
    );
    for (const x of answers) {
      let row = await logged(a.database, x.eventId);
      for (let i = 0; i < 100 && row?.decidedBy !== "fallback"; i++) {
        await new Promise((r) => setTimeout(r, 50));
        row = await logged(a.database, x.eventId);
      }
      assert.equal(row?.decidedBy, "fallback");
      assert.equal(row?.approved, false);
    }
    await saveDecisionSettings(a.database.db, { fallback: "decline", budgetMs: 1200 }, a.rules);
  });

  test("an instance killed under load: every answer a client received is in the log, with the same outcome", async () => {
    const label = "decision_log";
    const child = spawn(process.execPath, ["--import", "tsx", "testing/rta-instance.ts"], {
      env: { ...process.env, DATABASE_URL: server.url, RTA_SECRETS_LABEL: label },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 30_000);
      child.stdout.on("data", (d: Buffer) => {
        output += d.toString();
        const m = /rta instance listening on (\S+)/.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    });
    const exited = new Promise((r) => child.once("exit", r));
    const answered: Array<{ eventId: string; approved: boolean | null }> = [];
    let stop = false;
    // 20 clients send continuously (each card well under its velocity limit); the instance is killed mid-stream.
    const clients = Array.from({ length: 20 }, async (_, c) => {
      for (let n = 0; !stop; n++) {
        const answer = await ask(base, `ic_kill_${c}_${Math.floor(n / 4)}`);
        answered.push(answer);
        if (answer.approved === null) return;
      }
    });
    while (answered.filter((x) => x.approved !== null).length < 200) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    await exited;
    stop = true;
    await Promise.all(clients);
    const received = answered.filter((x) => x.approved !== null);
    assert.ok(received.length >= 200);
    for (const x of received) {
      const row = await logged(a.database, x.eventId);
      assert.ok(row, `answered ${x.eventId} but it is not in the log`);
      assert.equal(row.approved, x.approved);
    }
  });
});
