import { openDatabase } from "../db/connect";
import { getAccountReview } from "../db/queries/account-review";
import { listAdminAccounts } from "../lib/admin/accounts";
import { parseAccountFilters } from "../lib/admin/account-filters";
import { runLoad } from "./lib/load";
import { seedAdminBench } from "./admin-seed";

const ACCOUNTS = 10_000;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS || 4000);

// Server time of the admin pages' data functions (everything the page awaits) on a throw-away
// PGlite with 10,000 accounts and 200,000 authorizations, or on BENCH_DATABASE_URL if set (a
// database you don't mind filling). One request at a time, as one admin would load the pages.
async function withBenchDatabase<T>(fn: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>): Promise<T> {
  const database = openDatabase({ url: process.env.BENCH_DATABASE_URL || undefined, dataDir: "memory://" });
  try {
    await database.migrate();
    const started = performance.now();
    await seedAdminBench(database.db, ACCOUNTS, 200_000);
    console.log(
      `  seeded ${ACCOUNTS} accounts and 200,000 authorizations in ${Math.round(performance.now() - started)} ms (${database.kind})`,
    );
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

let cached: Promise<{ accounts: Record<string, number>; review: Record<string, number> }> | null = null;

function measure() {
  cached ??= withBenchDatabase(async (db) => {
    const p95 = async (task: (i: number) => Promise<unknown>) =>
      (
        await runLoad({
          concurrency: 1,
          durationMs: DURATION_MS,
          warmupMs: 500,
          task: async (i) => void (await task(i)),
        })
      ).p95_ms;
    const searches = ["aurora", "globex labs", "owner4242@bench.test", "acct_bench_777", "hooli"];
    const accounts = {
      first_page_p95_ms: await p95(() => listAdminAccounts(db, parseAccountFilters({}))),
      search_p95_ms: await p95((i) => listAdminAccounts(db, parseAccountFilters({ q: searches[i % searches.length] }))),
      filter_p95_ms: await p95((i) =>
        listAdminAccounts(
          db,
          parseAccountFilters(
            i % 2 ? { status: "needs_review", funding: "stablecoin" } : { country: "MX", sort: "deadline" },
          ),
        ),
      ),
      accounts: ACCOUNTS,
    };
    const ids = Array.from({ length: 50 }, (_, k) => 1 + ((k * 197) % ACCOUNTS));
    const { createHash } = await import("node:crypto");
    const uuid = (i: number) =>
      createHash("md5")
        .update(`biz${i}`)
        .digest("hex")
        .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
    const review = { p95_ms: await p95(async (i) => getAccountReview(db, uuid(ids[i % ids.length]!))) };
    return { accounts, review };
  });
  return cached;
}

export const adminAccountsPage = async () => (await measure()).accounts;
export const adminReviewPage = async () => (await measure()).review;
