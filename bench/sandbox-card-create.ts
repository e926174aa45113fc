// `sandbox_card_create`: Issuing card creation through the official SDK against a sandbox child process.
import type Stripe from "stripe";
import { startSandboxProcess } from "@/testing/sandbox-process";
import { runLoad, type LoadFigures } from "./lib/load";

export const CONCURRENCY = 16;

export const BENCH_CARDHOLDER: Stripe.Issuing.CardholderCreateParams = {
  type: "individual",
  name: "Jenny Rosen",
  billing: {
    address: { line1: "1234 Main Street", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
  },
  individual: {
    first_name: "Jenny",
    last_name: "Rosen",
    card_issuing: { user_terms_acceptance: { date: 1700000000, ip: "127.0.0.1" } },
  },
};

export async function sandboxCardCreate(): Promise<LoadFigures> {
  const sb = await startSandboxProcess();
  try {
    const holder = await sb.stripe.issuing.cardholders.create(BENCH_CARDHOLDER);
    return await runLoad({
      concurrency: CONCURRENCY,
      warmupMs: 1000,
      durationMs: 5000,
      task: async () => {
        await sb.stripe.issuing.cards.create({
          cardholder: holder.id,
          currency: "usd",
          type: "virtual",
          status: "active",
        });
      },
    });
  } finally {
    await sb.stop();
  }
}
