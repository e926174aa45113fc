import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { spendResetTokens } from "@/db/queries/password-reset-tokens";
import { revokeAllUserSessions } from "@/db/queries/user-sessions";
import { setPasswordHash } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { checkCredentials } from "./accounts";
import { hashPassword } from "./password";

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; code: "wrong_password" }
  | { ok: false; code: "account_throttled" | "network_blocked"; retryAfterMs: number };

/**
 * A signed-in user's new password, given the current one. A wrong current password counts as a
 * failed sign-in, so a stolen session can't be used to guess it. Every other session ends and
 * any reset link still out stops working.
 */
export async function changePassword(
  db: DbOrTx,
  {
    user,
    currentPassword,
    password,
    keepSessionId,
    address,
  }: { user: User; currentPassword: string; password: string; keepSessionId: string | null; address: string },
): Promise<ChangePasswordResult> {
  const check = await checkCredentials(db, user.email, currentPassword, address);
  if (!check.ok) return check.code === "invalid_credentials" ? { ok: false, code: "wrong_password" } : check;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, { userId: user.id, passwordHash });
    await spendResetTokens(tx, { userId: user.id, now: new Date() });
    await revokeAllUserSessions(tx, { userId: user.id, keep: keepSessionId });
    await recordAudit(tx, { actorUserId: user.id, action: "user.password_changed", target: user.id });
  });
  return { ok: true };
}
