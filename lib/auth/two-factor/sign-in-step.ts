import "server-only";
import { getDb } from "@/db";
import { getUserByEmail } from "@/db/queries/users";
import { setPendingCookie } from "./cookies";
import { beginPendingSignIn } from "./pending";

/**
 * Called only after Auth.js refused a right password for want of a second factor: the browser gets
 * the pending cookie, and the path of the code form (carrying `next` on).
 */
export async function askForSecondFactor(email: string, next: string | null): Promise<string> {
  const db = getDb();
  const user = await getUserByEmail(db, { email });
  if (user) await setPendingCookie(await beginPendingSignIn(db, { userId: user.id }));
  return next ? `/sign-in/verify?next=${encodeURIComponent(next)}` : "/sign-in/verify";
}
