import "server-only";
import type { DbOrTx } from "@/db/connect";
import { can, type BusinessRole } from "@/lib/auth/permissions";
import { historyFilterSchema, walletCsv } from "./history";

/**
 * The CSV export behind `/wallet/export`: the business comes from the caller's membership (the
 * route passes the session's), never from the query string, which only carries filters.
 */
export async function walletExportResponse(
  db: DbOrTx,
  viewer: { businessId: string; role: BusinessRole } | null,
  params: URLSearchParams,
): Promise<Response> {
  if (!viewer) return new Response("Sign in to export your wallet history", { status: 401 });
  if (!can(viewer.role, "money.view")) return new Response("You don't have permission to do that", { status: 403 });
  const filter = historyFilterSchema.parse(Object.fromEntries(params));
  const csv = await walletCsv(db, { businessId: viewer.businessId, filter });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="usdc-wallet-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
