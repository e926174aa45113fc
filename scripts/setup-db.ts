// Runs migrations and, in sandbox mode, seeds demo data once. Called by `npm start` and the e2e runner.
import path from "node:path";
import { openDatabase } from "../db/connect";
import Stripe from "stripe";
import { seedDemoData } from "../lib/demo/seed";
import { stripeClientOptions } from "../lib/stripe/options";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = path.join(path.resolve(process.env.DATA_DIR || ".data"), "pglite");
  const database = openDatabase({ url, dataDir, maxConnections: 1 });
  try {
    await database.migrate();
    const sandboxMode = !process.env.STRIPE_SECRET_KEY;
    if (sandboxMode && process.argv.includes("--seed")) {
      const { seeded } = await seedDemoData(database.db);
      console.log(seeded ? "demo data seeded" : "demo data already present");
      if (process.argv.includes("--stripe")) {
        // The demo businesses' accounts, verification and money, and a month of their life, in the
        // sandbox (which must be up). The app isn't up yet: its receivers run here, on its port.
        // Loaded only here: it runs the app's server modules, which need `--conditions=react-server`
        // (start.mjs passes it); migrations alone (`npm run db:migrate`) don't.
        const { seedDemoWithReceivers } = await import("../lib/demo/seed-all");
        const { key, config } = stripeClientOptions();
        await seedDemoWithReceivers(database.db, new Stripe(key, config));
      }
    }
    console.log(`database ready (${database.kind}${url ? "" : ` in ${dataDir}`})`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(`database set-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
