import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { enrolFirstResponse } from "@/lib/auth/two-factor/policy";
import { moneyVersion } from "@/lib/live-updates/version";

const json = (body: Record<string, unknown>, status = 200) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * A token that changes when money of the signed-in user's business moves (a money event is stored),
 * so an open wallet or balance page knows to refresh. The business comes from the session only.
 */
export async function GET(): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return json({ error: "Sign in first" }, 401);
  const enrolFirst = enrolFirstResponse(viewer);
  if (enrolFirst) return enrolFirst;
  const ctx = viewer.user.platformRole ? null : await resolveBusinessContext(viewer);
  if (!ctx || !can(ctx.role, "money.view")) return json({ error: "Forbidden" }, 403);
  return json({ version: await moneyVersion(getDb(), ctx.business) });
}
