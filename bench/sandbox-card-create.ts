// `sandbox_card_create`: Issuing card creation through the official SDK against a sandbox child process.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { runLoad, type LoadFigures } from "./lib/load";

export const CONCURRENCY = 16;
const root = path.resolve(import.meta.dirname, "..");

export type SandboxChild = { stripe: Stripe; url: string; stop(): Promise<void> };

/** Starts `tsx sandbox/main.ts --port 0 --data-dir <tmp>` and waits for its "sandbox listening on http://…" line. */
export async function startSandboxChild(): Promise<SandboxChild> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-sandbox-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts", "--port", "0", "--data-dir", dataDir], {
    cwd: root,
    env: { ...process.env, SANDBOX_WEBHOOK_URL: "", SANDBOX_RTA_URL: "", STRIPE_WEBHOOK_SECRET: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("sandbox did not start within 30 s")), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /sandbox listening on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const { hostname, port } = new URL(url);
  const stripe = new Stripe("sk_test_bench", { host: hostname, port: Number(port), protocol: "http", maxNetworkRetries: 0 });
  return {
    stripe,
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const BENCH_CARDHOLDER: Stripe.Issuing.CardholderCreateParams = {
  type: "individual", name: "Jenny Rosen", billing: { address: { line1: "1234 Main Street", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" } },
  individual: { first_name: "Jenny", last_name: "Rosen", card_issuing: { user_terms_acceptance: { date: 1700000000, ip: "127.0.0.1" } } },
};

export async function sandboxCardCreate(): Promise<LoadFigures> {
  const sb = await startSandboxChild();
  try {
    const holder = await sb.stripe.issuing.cardholders.create(BENCH_CARDHOLDER);
    return await runLoad({
      concurrency: CONCURRENCY,
      warmupMs: 1000,
      durationMs: 5000,
      task: async () => {
        await sb.stripe.issuing.cards.create({ cardholder: holder.id, currency: "usd", type: "virtual", status: "active" });
      },
    });
  } finally {
    await sb.stop();
  }
}
