import "server-only";
import type { DbOrTx } from "@/db/connect";
import type { User } from "@/db/schema";
import { redeemRecoveryCode } from "./recovery-codes";
import { checkTotp, looksLikeTotp } from "./totp";

/**
 * The user's second factor: a current code from their app (each accepted once), or one of their
 * unused recovery codes, which this consumes. False when 2FA is off for them.
 */
export async function verifySecondFactor(
  db: DbOrTx,
  user: Pick<User, "id" | "totpSecret" | "totpEnabledAt">,
  code: string,
  now = new Date(),
): Promise<boolean> {
  if (!user.totpEnabledAt || !user.totpSecret) return false;
  const trimmed = code.trim();
  if (looksLikeTotp(trimmed))
    return checkTotp(db, { userId: user.id, encryptedSecret: user.totpSecret, code: trimmed, now });
  return redeemRecoveryCode(db, { userId: user.id, code: trimmed, now });
}
