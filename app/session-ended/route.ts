import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { getViewer } from "@/lib/auth/session";

/**
 * Where a browser lands when its session was ended elsewhere: its cookie is cleared and it goes to
 * sign in. A live session is left alone (a link to this page can't sign anyone out).
 */
export async function GET() {
  if (await getViewer()) redirect("/");
  await signOut({ redirect: false });
  redirect("/sign-in?ended=1");
}
