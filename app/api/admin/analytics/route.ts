import { getDb } from "@/db";
import { DIMENSIONS, periodFrom, spendBy, toCsv, type Dimension } from "@/db/queries/spend-analytics";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { enrolFirstResponse } from "@/lib/auth/two-factor/policy";

/** Spend as CSV, for platform admins only (business users get 403, signed-out users 401, and an admin who must
 * set up two-factor sign-in 403 until they have). */
export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in first\n", { status: 401 });
  const enrolFirst = enrolFirstResponse(viewer);
  if (enrolFirst) return enrolFirst;
  if (!can(viewer.user.platformRole, "platform.accounts.view")) return new Response("Forbidden\n", { status: 403 });
  const url = new URL(request.url);
  const dimension = (DIMENSIONS as readonly string[]).includes(url.searchParams.get("by") ?? "")
    ? (url.searchParams.get("by") as Dimension)
    : "category";
  const { from, to } = periodFrom({
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
    days: url.searchParams.get("days") ?? undefined,
  });
  const rows = await spendBy(getDb(), dimension, from, to, 10_000);
  const name = `spend-by-${dimension}-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv`;
  return new Response(toCsv(rows, dimension), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
