import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/permissions";

/** Home by the role in the database, not the cookie's: a newly made platform admin lands in the console. */
export default async function Root() {
  const viewer = await requireViewer();
  redirect(homePathFor(viewer.user));
}
