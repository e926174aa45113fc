// The real-time authorization receiver alone, without the sandbox in the loop: a load generator
// sends signed `issuing_authorization.request` events straight to the production handler
// (handleAuthorizationRequest behind node:http, exactly as testing/receivers.ts serves the app's
// route) and to a trivial server beside it, the floor. The generator runs in this process, on the
// event loop the server uses, for the floor and the handler alike: compare their ratio, not the
// absolute numbers.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { count, sql } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/connect";
import { authorizationDecisions } from "@/db/schema";
import { RulesCache } from "@/lib/rules/rules-store";
import { receiverSecrets, receiverServer } from "@/testing/receivers";
import { unreachableStripe } from "@/testing/stripe-clients";
import type { LoadFigures } from "./lib/load";
import { rtaLoad } from "./lib/rta-load";
import { benchCards } from "./lib/rta-requests";
import { throwawayPostgres } from "./lib/throwaway-postgres";
import { seedRtaBusiness } from "./lib/rta-seed";

const SECRETS = receiverSecrets("bench_rta_handler");
const SIGNING = { account: "acct_bench_rta", cards: benchCards(200), secret: SECRETS.authorizations };
const CONCURRENCY = 50;
const WARMUP_MS = 1000;
const DURATION_MS = 5000;
const SATURATION_STEPS = [50, 100, 200, 400, 800];
const SATURATION_MS = 3000;
const SATURATION_LIMIT_MS = 1000;

const figuresOf = ({ errors, ...figures }: LoadFigures & { errors: number }) =>
  errors ? { ...figures, error_count: errors } : figures;

/** `rta_floor`: what answering the same requests costs with no signature check and no database. */
export async function rtaFloor(): Promise<LoadFigures> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    JSON.parse(Buffer.concat(chunks).toString("utf8"));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ approved: true }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const load = rtaLoad({ url, maxConcurrency: CONCURRENCY, signing: SIGNING, poolSize: 20_000, reuse: true });
  try {
    await load.run({ concurrency: CONCURRENCY, durationMs: WARMUP_MS });
    return figuresOf(await load.run({ concurrency: CONCURRENCY, durationMs: DURATION_MS }));
  } finally {
    load.close();
    await new Promise((r) => {
      server.close(r);
      server.closeAllConnections();
    });
  }
}

async function decisionCounts(database: Database): Promise<{ logged: number; fallback: number }> {
  const [row] = await database.db
    .select({
      logged: count(),
      fallback: sql<number>`count(*) filter (where ${authorizationDecisions.decidedBy} = 'fallback')`,
    })
    .from(authorizationDecisions);
  return { logged: Number(row?.logged ?? 0), fallback: Number(row?.fallback ?? 0) };
}

/** The production receiver on `database`, seeded, with a load generator pointed at it. */
async function withReceiver<T>(
  database: Database,
  sizes: { maxConcurrency: number; poolSize: number },
  fn: (load: ReturnType<typeof rtaLoad>) => Promise<T>,
): Promise<T> {
  const rules = new RulesCache();
  await seedRtaBusiness(database.db, rules, SIGNING.account);
  const stripe = unreachableStripe(); // the real-time path only checks signatures with it; it never calls Stripe
  const receivers = await receiverServer({ db: database.db, stripe: () => stripe, secrets: SECRETS, rules });
  const load = rtaLoad({ url: receivers.urls.authorizations, signing: SIGNING, ...sizes });
  try {
    return await fn(load);
  } finally {
    load.close();
    await receivers.close();
  }
}

async function handlerFigures(database: Database): Promise<LoadFigures & { fallback_count: number }> {
  return withReceiver(database, { maxConcurrency: CONCURRENCY, poolSize: 20_000 }, async (load) => {
    await load.run({ concurrency: CONCURRENCY, durationMs: WARMUP_MS });
    const before = await decisionCounts(database);
    const run = await load.run({ concurrency: CONCURRENCY, durationMs: DURATION_MS });
    const after = await decisionCounts(database);
    // The answer is only {approved}: whether it was the fallback is in the decision log, written
    // before the answer is sent, so every answered request of the run is counted by now. A
    // decision whose log write failed is answered but not logged; say so rather than hide it.
    const logged = after.logged - before.logged;
    if (logged !== run.count - run.errors)
      console.log(`  ${run.count - run.errors} answered but ${logged} decisions logged: fallbacks may be undercounted`);
    return { ...figuresOf(run), fallback_count: after.fallback - before.fallback };
  });
}

async function onPostgres<T>(bench: string, fn: (database: Database) => Promise<T>): Promise<T | null> {
  const pg = await throwawayPostgres(bench);
  if ("skipped" in pg) {
    console.log(`  skipping ${bench}: ${pg.skipped}`);
    return null;
  }
  try {
    return await fn(pg.database);
  } finally {
    await pg.dispose();
  }
}

/** `rta_handler`: the receiver on a Postgres server (the app's default pool), 50 concurrent. */
export const rtaHandler = () => onPostgres("rta_handler", handlerFigures);

/** `rta_handler_pglite`: the same on the embedded database. */
export async function rtaHandlerPglite(): Promise<LoadFigures & { fallback_count: number }> {
  const database = openDatabase({ dataDir: "memory://" });
  try {
    await database.migrate();
    return await handlerFigures(database);
  } finally {
    await database.close();
  }
}

/**
 * `rta_saturation`: rta_handler's p99 as concurrency doubles. Every step runs (so each run has the
 * same figures to compare); `concurrency` is the first whose p99 passes 1 s, or the last.
 */
export const rtaSaturation = () =>
  onPostgres("rta_saturation", (database) =>
    withReceiver(database, { maxConcurrency: Math.max(...SATURATION_STEPS), poolSize: 40_000 }, async (load) => {
      const figures: Record<string, number> = {};
      let saturated: number | null = null;
      for (const n of SATURATION_STEPS) {
        await load.run({ concurrency: n, durationMs: 500 });
        const run = await load.run({ concurrency: n, durationMs: SATURATION_MS });
        console.log(`  ${n} concurrent: p99 ${run.p99_ms} ms, ${run.throughput_per_s}/s`);
        figures[`p99_ms_at_${n}`] = run.p99_ms;
        if (saturated === null && run.p99_ms > SATURATION_LIMIT_MS) saturated = n;
      }
      return { concurrency: saturated ?? SATURATION_STEPS.at(-1)!, ...figures };
    }),
  );
