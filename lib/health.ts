import type { Db } from "@/db/connect";
import { pingDatabase } from "@/db/queries/health";
import type { StripeMode } from "@/lib/config";

export type Check = { ok: boolean; latency_ms: number; error?: string };
export type HealthReport = {
  status: "ok" | "degraded";
  database: Check & { kind: string };
  stripe: Check & { mode: StripeMode };
};

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latency_ms: Math.round(performance.now() - started) };
  } catch (err) {
    // Only a short reason: no stack, no connection string.
    const reason = err instanceof Error ? err.message.split("\n")[0]!.slice(0, 120) : "unreachable";
    return { ok: false, latency_ms: Math.round(performance.now() - started), error: reason };
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the database and Stripe (or the sandbox) whether they answer. */
export async function checkHealth(deps: {
  db: Db;
  dbKind: string;
  mode: StripeMode;
  pingStripe: () => Promise<unknown>;
  timeoutMs?: number;
}): Promise<HealthReport> {
  const timeout = deps.timeoutMs ?? 3000;
  const [database, stripe] = await Promise.all([
    timed(() => pingDatabase(deps.db), timeout),
    timed(deps.pingStripe, timeout),
  ]);
  return {
    status: database.ok && stripe.ok ? "ok" : "degraded",
    database: { ...database, kind: deps.dbKind },
    stripe: { ...stripe, mode: deps.mode },
  };
}
