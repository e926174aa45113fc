import "server-only";
import QRCode from "qrcode";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { deleteRecoveryCodes } from "@/db/queries/recovery-codes";
import { revokeAllRememberedDevices } from "@/db/queries/remembered-devices";
import { disableTotp, enableTotp } from "@/db/queries/two-factor";
import { revokeAllUserSessions } from "@/db/queries/user-sessions";
import type { User } from "@/db/schema";
import type { BusinessRole } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { encryptSecret, seal, unseal } from "./keys";
import { twoFactorRequired } from "./policy";
import { issueRecoveryCodes } from "./recovery-codes";
import { checkTotpSecret, formatKey, newTotpSecret, totpUri } from "./totp";
import { verifySecondFactor } from "./verify";

type TwoFactorUser = Pick<User, "id" | "email" | "passwordHash" | "totpSecret" | "totpEnabledAt">;
const PURPOSE = "enrolment";

const ENROLMENT_MINUTES = 30;

export type Enrolment = { key: string; qrSvg: string; sealed: string };

/**
 * A new secret to enrol with, shown as a QR code (an inline SVG, which the CSP allows where an
 * image URL might not) and as text. Nothing is written: the secret goes back with the confirming
 * code sealed for this user (encrypted and authenticated), so a page render changes nothing and
 * nobody can choose their own secret.
 */
export async function newEnrolment(user: Pick<User, "id" | "email">, now = new Date()): Promise<Enrolment> {
  const secret = newTotpSecret();
  const sealed = seal(
    PURPOSE,
    JSON.stringify({ u: user.id, s: secret, e: now.getTime() + ENROLMENT_MINUTES * 60_000 }),
  );
  const qrSvg = await QRCode.toString(totpUri(user.email, secret), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  return { key: formatKey(secret), qrSvg, sealed };
}

/** The secret of a sealed enrolment, if it is this user's and recent. */
export function openEnrolment(sealed: string, userId: string, now = new Date()): string | null {
  const plain = unseal(PURPOSE, sealed);
  if (!plain) return null;
  try {
    const { u, s, e } = JSON.parse(plain) as Record<string, unknown>;
    return u === userId && typeof s === "string" && typeof e === "number" && e > now.getTime() ? s : null;
  } catch {
    return null;
  }
}

/** The first right code turns 2FA on and returns ten recovery codes, to be shown once. */
export async function confirmEnrolment(
  db: DbOrTx,
  { user, sealed, code, now = new Date() }: { user: TwoFactorUser; sealed: string; code: string; now?: Date },
): Promise<{ ok: true; codes: string[] } | { ok: false; reason: "already_on" | "expired" | "wrong_code" }> {
  if (user.totpEnabledAt) return { ok: false, reason: "already_on" };
  const secret = openEnrolment(sealed, user.id, now);
  if (!secret) return { ok: false, reason: "expired" };
  return db.transaction(async (tx) => {
    if (!(await checkTotpSecret(tx, { userId: user.id, secret, code, now })))
      return { ok: false, reason: "wrong_code" };
    const encryptedSecret = encryptSecret(secret);
    if (!(await enableTotp(tx, { userId: user.id, encryptedSecret, now }))) return { ok: false, reason: "already_on" };
    const codes = await issueRecoveryCodes(tx, { userId: user.id });
    await recordAudit(tx, { actorUserId: user.id, action: "user.two_factor_enabled", target: user.id });
    return { ok: true, codes };
  });
}

/**
 * Turns 2FA off after proof (a current code, a recovery code, or the password): the secret, the
 * recovery codes and every remembered device go with it. Refused while the user's role requires it.
 */
export async function disableTwoFactor(
  db: DbOrTx,
  {
    user,
    proof,
    keepSession,
    now = new Date(),
    memberships,
  }: {
    user: TwoFactorUser & Pick<User, "platformRole">;
    proof: string;
    keepSession: string | null;
    now?: Date;
    /** The user's roles: an owner or platform admin whose role requires two-factor sign-in can't turn it off. */
    memberships: ReadonlyArray<{ role: BusinessRole }>;
  },
): Promise<{ ok: true } | { ok: false; reason: "not_enabled" | "required" | "wrong_proof" }> {
  if (!user.totpEnabledAt) return { ok: false, reason: "not_enabled" };
  if (twoFactorRequired(user, memberships)) return { ok: false, reason: "required" };
  const proven = (await verifySecondFactor(db, user, proof, now)) || (await verifyPassword(proof, user.passwordHash));
  if (!proven) return { ok: false, reason: "wrong_proof" };
  await db.transaction(async (tx) => {
    await disableTotp(tx, { userId: user.id });
    await deleteRecoveryCodes(tx, { userId: user.id });
    const devices = await revokeAllRememberedDevices(tx, { userId: user.id });
    // Whoever signed in with the second factor elsewhere must sign in again without it.
    await revokeAllUserSessions(tx, { userId: user.id, keep: keepSession });
    await recordAudit(tx, { actorUserId: user.id, action: "user.two_factor_disabled", target: user.id });
    if (devices > 0)
      await recordAudit(tx, {
        actorUserId: user.id,
        action: "user.device_revoked",
        target: user.id,
        data: { devices },
      });
  });
  return { ok: true };
}

/** Ten new recovery codes replace the old ones (all of them, used or not). */
export async function regenerateRecoveryCodes(
  db: DbOrTx,
  { user }: { user: Pick<User, "id" | "totpEnabledAt"> },
): Promise<string[] | null> {
  if (!user.totpEnabledAt) return null;
  return db.transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, { userId: user.id });
    await recordAudit(tx, { actorUserId: user.id, action: "user.recovery_codes_regenerated", target: user.id });
    return codes;
  });
}
