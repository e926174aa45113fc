import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/permissions";

export default async function Root() {
  const viewer = await getViewer();
  redirect(viewer ? homePathFor(viewer.user) : "/sign-in");
}
