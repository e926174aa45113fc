// `rta_decision`: authorizations end to end — the sandbox asks the app's real-time authorization
// receiver (the code behind /api/webhooks/stripe/authorizations: signature check with its own
// secret, rules from the cache, velocity query, decision log) over HTTP, then applies its answer —
// at 50 concurrent.
import type Stripe from "stripe";
import { issuingAccountWithCards } from "@/testing/issuing-account";
import { openDatabase } from "@/db/connect";
import { RulesCache } from "@/lib/rules/rules-store";
import { receiverSecrets, receiverServer, sandboxReceiverEnv } from "@/testing/receivers";
import { startSandboxProcess } from "@/testing/sandbox-process";
import { runLoad, type LoadFigures } from "./lib/load";
import { seedRtaBusiness } from "./lib/rta-seed";

const SECRETS = receiverSecrets("bench_rta_decision");
const CONCURRENCY = 50;

export async function rtaDecision(): Promise<LoadFigures & { standin_count: number }> {
  const database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  const rules = new RulesCache();
  let stripe: Stripe | null = null;
  const receivers = await receiverServer({ db: database.db, stripe: () => stripe!, secrets: SECRETS, rules });
  // Only the real-time authorization endpoint is registered; the event stream would add load unrelated to decisions.
  const sandbox = await startSandboxProcess(
    sandboxReceiverEnv({ authorizations: receivers.urls.authorizations }, SECRETS),
  );
  stripe = sandbox.stripe;
  try {
    const { account, cards } = await issuingAccountWithCards(stripe, {
      balance: 1_000_000_000,
      cards: CONCURRENCY,
      dailyLimit: 1_000_000_000,
    });
    await seedRtaBusiness(database.db, rules, account);
    const opts = { stripeAccount: account };
    let standins = 0;
    const figures = await runLoad({
      concurrency: CONCURRENCY,
      warmupMs: 1000,
      durationMs: 6000,
      task: async (i) => {
        const a = await stripe!.testHelpers.issuing.authorizations.create(
          {
            card: cards[i % cards.length] ?? "",
            amount: 100,
            currency: "usd",
            merchant_data: { category: "taxicabs_limousines" },
          },
          opts,
        );
        const reason = a.request_history.at(-1)?.reason;
        if (reason === "webhook_timeout" || reason === "webhook_error") standins++;
      },
    });
    return { ...figures, standin_count: standins };
  } finally {
    await sandbox.stop();
    await receivers.close();
    await database.close();
  }
}
