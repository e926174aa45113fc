import { getDatabase } from "@/db";
import { sandboxUrl, stripeMode } from "@/lib/config";
import { checkHealth } from "@/lib/health";
import { getStripe } from "@/lib/stripe/client";

export const dynamic = "force-dynamic";

async function pingStripe(): Promise<void> {
  if (stripeMode() === "stripe") {
    await getStripe().balance.retrieve();
    return;
  }
  const res = await fetch(`${sandboxUrl()}/_sandbox/health`, { cache: "no-store" });
  if (!res.ok) throw new Error(`sandbox answered ${res.status}`);
}

export async function GET(): Promise<Response> {
  const database = getDatabase();
  const report = await checkHealth({ db: database.db, dbKind: database.kind, mode: stripeMode(), pingStripe });
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
