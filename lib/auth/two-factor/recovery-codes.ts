import "server-only";
import { randomInt } from "node:crypto";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { consumeRecoveryCode, replaceRecoveryCodes } from "@/db/queries/recovery-codes";
import { sha256 } from "./keys";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper. 31 symbols × 10 = about 50 bits each.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** The code as typed, with case, spaces and dashes ignored. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{10}$/.test(normalizeRecoveryCode(code));

const hashCode = (code: string) => sha256(`recovery:${normalizeRecoveryCode(code)}`);

/** Ten new codes replace all earlier ones; only their hashes are kept, the codes are shown once. */
export async function issueRecoveryCodes(db: DbOrTx, { userId }: { userId: string }): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await replaceRecoveryCodes(db, { userId, codeHashes: codes.map(hashCode) });
  return codes;
}

/** Uses one of the user's recovery codes: true once per code, and audited. */
export async function redeemRecoveryCode(
  db: DbOrTx,
  { userId, code, now = new Date() }: { userId: string; code: string; now?: Date },
): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const used = await consumeRecoveryCode(db, { userId, codeHash: hashCode(code), now });
  if (used) await recordAudit(db, { actorUserId: userId, action: "user.recovery_code_used", target: userId });
  return used;
}
