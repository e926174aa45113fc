import "server-only";
import { getDb } from "@/db";
import { cancelDueCards, issuingNow } from "@/lib/cards/schedules";
import { freezeForMissingReceipts } from "@/lib/receipts/freeze";
import { getStripe } from "@/lib/stripe/client";

/**
 * The app's background work, run in the app process on a timer (started from `instrumentation.ts`).
 * Each job is safe to run from several instances at once; one run at a time per process.
 */
const JOBS: Array<{ name: string; run: () => Promise<unknown> }> = [
  { name: "card-schedules", run: async () => cancelDueCards(getDb(), getStripe(), await issuingNow()) },
  { name: "receipt-freezes", run: async () => freezeForMissingReceipts(getDb(), getStripe(), await issuingNow()) },
];

const globalForJobs = globalThis as unknown as { issuingConsoleJobs?: NodeJS.Timeout };

export function startJobs(intervalMs = Number(process.env.JOBS_INTERVAL_MS) || 30_000): void {
  if (globalForJobs.issuingConsoleJobs) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    for (const job of JOBS) {
      try {
        await job.run();
      } catch (err) {
        console.error(`job ${job.name} failed`, err instanceof Error ? err.message : err);
      }
    }
    running = false;
  };
  globalForJobs.issuingConsoleJobs = setInterval(() => void tick(), intervalMs);
  globalForJobs.issuingConsoleJobs.unref();
}
