import { getDb } from "@/db";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { configuredAppUrl } from "@/lib/config";
import { purchasesExportResponse } from "@/lib/expenses/export";

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  const ctx = viewer && !viewer.user.platformRole ? await resolveBusinessContext(viewer) : null;
  const url = new URL(request.url);
  return purchasesExportResponse(getDb(), ctx, url.searchParams, {
    origin: (configuredAppUrl() ?? url.origin).replace(/\/$/, ""),
  });
}
