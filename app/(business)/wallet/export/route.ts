import { getDb } from "@/db";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { enrolFirstResponse } from "@/lib/auth/two-factor/policy";
import { walletExportResponse } from "@/lib/wallet/export";

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  const enrolFirst = enrolFirstResponse(viewer);
  if (enrolFirst) return enrolFirst;
  const ctx = viewer && !viewer.user.platformRole ? await resolveBusinessContext(viewer) : null;
  return walletExportResponse(
    getDb(),
    ctx ? { businessId: ctx.business.id, role: ctx.role } : null,
    new URL(request.url).searchParams,
  );
}
