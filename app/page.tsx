import { redirect } from "next/navigation";
import { requireViewer, resolveBusinessContext } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/permissions";

/** Home by the role in the database, not the cookie's: a newly made platform admin lands in the console. */
export default async function Root() {
  const viewer = await requireViewer();
  // The business being worked in decides: its cardholder lands on their cards.
  const ctx = viewer.user.platformRole ? null : await resolveBusinessContext(viewer);
  redirect(homePathFor(viewer.user, ctx ? [ctx.role] : []));
}
