// `sandbox_authorizations`: test-helper authorizations on funded cards (Issuing balance, no real-time endpoint) through the SDK.
import { runLoad, type LoadFigures } from "./lib/load";
import { startSandboxProcess } from "@/testing/sandbox-process";
import { settledTopup } from "@/testing/topups";
import { BENCH_CARDHOLDER, CONCURRENCY } from "./sandbox-card-create";

export async function sandboxAuthorizations(): Promise<LoadFigures> {
  const sb = await startSandboxProcess();
  try {
    const { stripe } = sb;
    // Enough money and limit room that every authorization is decided in full (approved), none short-circuited.
    await settledTopup(stripe, { amount: 1_000_000_000 });
    const holder = await stripe.issuing.cardholders.create(BENCH_CARDHOLDER);
    const cards: string[] = [];
    for (let i = 0; i < CONCURRENCY; i++) {
      const card = await stripe.issuing.cards.create({
        cardholder: holder.id,
        currency: "usd",
        type: "virtual",
        status: "active",
        spending_controls: { spending_limits: [{ amount: 1_000_000_000, interval: "daily" }] },
      });
      cards.push(card.id);
    }
    let declined = 0;
    const figures = await runLoad({
      concurrency: CONCURRENCY,
      warmupMs: 1000,
      durationMs: 5000,
      task: async (i) => {
        const a = await stripe.testHelpers.issuing.authorizations.create({
          card: cards[i % cards.length] ?? "",
          amount: 100,
          merchant_data: { category: "taxicabs_limousines" },
        });
        if (!a.approved) declined++;
      },
    });
    if (declined) throw new Error(`${declined} authorizations were declined; the benchmark expects approvals`);
    return figures;
  } finally {
    await sb.stop();
  }
}
