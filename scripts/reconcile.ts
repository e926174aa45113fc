// `npm run reconcile -- [--business <id>]`: rebuilds read models from Stripe (or the sandbox)
// for one business, or for every business with a connected account.
import { existsSync } from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { openDatabase } from "../db/connect";
import { businessesToReconcile, reconcileBusiness } from "../lib/events/reconcile";
import { stripeClientOptions } from "../lib/stripe/options";

function stripeClient(): Stripe {
  const { key, config } = stripeClientOptions();
  return new Stripe(key, config);
}

async function main(): Promise<void> {
  if (existsSync(".env.local")) process.loadEnvFile(".env.local");
  const i = process.argv.indexOf("--business");
  const businessId = i >= 0 ? process.argv[i + 1] : undefined;
  if (i >= 0 && !businessId) throw new Error("--business needs a business id");
  const database = openDatabase({
    url: process.env.DATABASE_URL || undefined,
    dataDir: path.join(path.resolve(process.env.DATA_DIR || ".data"), "pglite"),
    maxConnections: 2,
  });
  const stripe = stripeClient();
  let failed = 0;
  try {
    const list = await businessesToReconcile(database.db, businessId);
    if (list.length === 0)
      console.log(businessId ? `No business ${businessId}` : "No business has a connected account yet");
    for (const business of list) {
      try {
        const counts = await reconcileBusiness(database.db, stripe, business);
        console.log(
          `${business.legalName} (${business.stripeAccountId}): ${
            Object.entries(counts)
              .map(([k, n]) => `${n} ${k}`)
              .join(", ") || "nothing"
          }`,
        );
      } catch (err) {
        failed++;
        console.error(`${business.legalName}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await database.close();
  }
  if (failed) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(`reconcile failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
