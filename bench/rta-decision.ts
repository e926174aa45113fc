// `rta_decision`: authorizations end to end — the sandbox asks the app's real-time decision handler
// (the code behind /api/webhooks/stripe: signature check, rules from the cache, velocity query,
// decision log) over HTTP, then applies its answer — at 50 concurrent.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { issuingAccountWithCards } from "@/lib/testing/issuing-account";
import { openDatabase } from "@/db/connect";
import { businesses } from "@/db/schema";
import { handleWebhook } from "@/lib/events/ingest";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { RulesCache, savePlatformRules } from "@/lib/rules/rules-store";
import { startSandboxProcess } from "@/lib/testing/sandbox-process";
import { runLoad, type LoadFigures } from "./lib/load";

const SECRET = "whsec_bench_rta_decision_secret";
const CONCURRENCY = 50;

export async function rtaDecision(): Promise<LoadFigures & { standin_count: number }> {
  const database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  const rules = new RulesCache();
  let stripe: Stripe | null = null;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const result = await handleWebhook({ db: database.db, stripe: stripe!, secret: SECRET, rules }, Buffer.concat(chunks).toString("utf8"), String(req.headers["stripe-signature"] ?? ""));
    res.writeHead(result.status, { "content-type": "application/json", ...(result.headers ?? {}) });
    res.end(JSON.stringify(result.body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
  // Only the real-time request goes to the handler; the event stream would add load unrelated to decisions.
  const sandbox = await startSandboxProcess({ SANDBOX_RTA_URL: url, SANDBOX_RTA_SECRET: SECRET });
  stripe = sandbox.stripe;
  try {
    const { account, cards } = await issuingAccountWithCards(stripe, { balance: 1_000_000_000, cards: CONCURRENCY, dailyLimit: 1_000_000_000 });
    await database.db.insert(businesses).values({ legalName: "Bench", country: "US", businessType: "company", fundingModel: "issuing_balance", stripeAccountId: account });
    // A realistic rule set: a blocked category, a maximum and a velocity limit (which costs a query per decision).
    await savePlatformRules(database.db, { ...EMPTY_RULES, blockedCategories: ["betting_casino_gambling"], maxAmount: 1_000_000, velocityPerHour: 100_000 }, null, rules);
    const opts = { stripeAccount: account };
    let standins = 0;
    const figures = await runLoad({
      concurrency: CONCURRENCY,
      warmupMs: 1000,
      durationMs: 6000,
      task: async (i) => {
        const a = await stripe!.testHelpers.issuing.authorizations.create({ card: cards[i % cards.length] ?? "", amount: 100, currency: "usd", merchant_data: { category: "taxicabs_limousines" } }, opts);
        const reason = a.request_history.at(-1)?.reason;
        if (reason === "webhook_timeout" || reason === "webhook_error") standins++;
      },
    });
    return { ...figures, standin_count: standins };
  } finally {
    await sandbox.stop();
    server.close();
    await database.close();
  }
}
