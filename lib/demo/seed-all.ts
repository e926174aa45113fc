import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { receiverServer, type ReceiverServer } from "@/lib/events/receiver-server";
import { RECEIVERS, type ReceiverKind } from "@/lib/events/receivers";
import { receiptStorage } from "@/lib/receipts/storage";
import { RulesCache } from "@/lib/rules/rules-store";
import { readModelProblems } from "./consistency";
import { monthStart, seedDemoMonths } from "./month";
import { SandboxControls } from "./sandbox-controls";
import { seedDemoStripe } from "./seed-stripe";

/**
 * The app's receivers on the app's port while the demo is seeded, before the app starts there: the
 * sandbox's events and real-time authorization requests reach the production handlers, which write
 * this database. Null (with a warning) when the port is taken: the events then wait for the app.
 */
async function receiversOnAppPort(
  db: Db,
  stripe: Stripe,
  rules: RulesCache,
  sandbox: SandboxControls,
): Promise<ReceiverServer | null> {
  const secrets = Object.fromEntries(
    Object.values(RECEIVERS).map((r) => [r.kind, process.env[r.secretEnv] ?? ""]),
  ) as Record<ReceiverKind, string>;
  try {
    // Decisions and events are stamped with the sandbox's time, so the month's decision log and
    // event log read as the month went, not as the minute the seed ran.
    return await receiverServer({
      db,
      stripe: () => stripe,
      secrets,
      rules,
      port: Number(process.env.PORT || 3000),
      now: () => sandbox.clock(),
    });
  } catch (err) {
    console.warn(
      `demo: the app's port is taken (${err instanceof Error ? err.message : String(err)}); no month of demo activity`,
    );
    return null;
  }
}

/** Sandbox mode only: the demo's Stripe side (accounts, money) and its month of life, checked for consistency. */
export async function seedDemoWithReceivers(db: Db, stripe: Stripe, log: (line: string) => void = console.log) {
  const rules = new RulesCache();
  const sandbox = new SandboxControls();
  const receivers = await receiversOnAppPort(db, stripe, rules, sandbox);
  try {
    // The businesses open (and get their opening money) at the start of their month of life.
    try {
      if (receivers) await sandbox.set(monthStart(await sandbox.now()) + 7 * 3600);
      await seedDemoStripe(db, stripe, log);
    } finally {
      if (receivers) await sandbox.reset();
    }
    if (!receivers) return;
    await sandbox.settled();
    const started = performance.now();
    const months = await seedDemoMonths({ db, stripe, rules, storage: await receiptStorage(), sandbox, log });
    if (!months.length) return;
    const seconds = Math.round((performance.now() - started) / 1000);
    for (const m of months) log(`demo: a month at ${m.business}: ${m.attempts} purchases, ${m.declined} declined`);
    log(`demo: ${months.length} month(s) of activity in ${seconds} s`);
    for (const m of months) {
      const problems = await readModelProblems(db, stripe, m.accountId);
      if (problems.length)
        throw new Error(`${m.business}: the read models disagree with the sandbox:\n  ${problems.join("\n  ")}`);
    }
  } finally {
    await receivers?.close();
  }
}
