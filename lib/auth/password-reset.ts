import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import {
  countResetTokensSince,
  findUsableResetToken,
  insertResetToken,
  lockUserForReset,
  spendResetTokens,
  useResetToken,
} from "@/db/queries/password-reset-tokens";
import { revokeAllUserSessions } from "@/db/queries/user-sessions";
import { getUser, getUserByEmail, setPasswordHash } from "@/db/queries/users";
import { sendEmail, type MailOptions } from "@/lib/mail/send";
import { hashPassword } from "./password";

/** A reset link works once, for this long. */
export const RESET_TTL_MS = 30 * 60 * 1000;
/** At most this many links per email in the window; more requests are quietly not sent. */
export const MAX_RESET_REQUESTS = 3;
export const RESET_REQUEST_WINDOW_MS = 15 * 60 * 1000;

/** 256 random bits, URL-safe: the secret in the emailed link. */
export function newResetToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored, so a copy of the database can't reset anyone's password. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function resetPasswordPath(token: string): string {
  return `/reset-password/${encodeURIComponent(token)}`;
}

function resetEmailText(link: string): string {
  return [
    "Someone (we hope you) asked to reset the password of your Issuing Console account.",
    "",
    "Choose a new password here (the link works once, for 30 minutes):",
    link,
    "",
    "If you didn't ask, ignore this email: your password stays as it is.",
  ].join("\n");
}

export type ResetRequestOutcome = "sent" | "unknown_email" | "throttled";

/**
 * Emails a reset link to the account with this email, if there is one. The outcome is for tests
 * and logs only: the person asking is told the same thing whatever it is.
 */
export async function requestPasswordReset(
  db: DbOrTx,
  { email, baseUrl, now = new Date(), mail }: { email: string; baseUrl: string; now?: Date; mail?: MailOptions },
): Promise<ResetRequestOutcome> {
  const user = await getUserByEmail(db, { email });
  if (!user) return "unknown_email";
  const token = newResetToken();
  const created = await db.transaction(async (tx) => {
    await lockUserForReset(tx, { userId: user.id });
    const since = new Date(now.getTime() - RESET_REQUEST_WINDOW_MS);
    if ((await countResetTokensSince(tx, { userId: user.id, since })) >= MAX_RESET_REQUESTS) return false;
    const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
    await insertResetToken(tx, { userId: user.id, tokenHash: hashResetToken(token), createdAt: now, expiresAt });
    return true;
  });
  if (!created) return "throttled";
  const link = new URL(resetPasswordPath(token), baseUrl).toString();
  await sendEmail(
    db,
    {
      to: user.email,
      subject: "Reset your Issuing Console password",
      text: resetEmailText(link),
      kind: "password_reset",
    },
    mail,
  );
  return "sent";
}

/** Whether the link in `token` can still be used (the page shows the form only then). */
export async function resetLinkWorks(db: DbOrTx, { token, now = new Date() }: { token: string; now?: Date }) {
  return (await findUsableResetToken(db, { tokenHash: hashResetToken(token), now })) !== null;
}

/**
 * Sets the new password through the link, all or nothing: the link is used (once, even when two
 * tabs submit together), every session of the user ends, failed sign-ins are forgotten, and the
 * change is audited. False when the link no longer works.
 */
export async function resetPassword(
  db: DbOrTx,
  { token, password, now = new Date() }: { token: string; password: string; now?: Date },
): Promise<boolean> {
  // Hashing is slow on purpose: done before the transaction, so no row stays locked meanwhile.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await useResetToken(tx, { tokenHash: hashResetToken(token), now });
    if (!link) return false;
    const user = await getUser(tx, { userId: link.userId });
    if (!user) return false;
    await setPasswordHash(tx, { userId: user.id, passwordHash });
    await spendResetTokens(tx, { userId: user.id, now });
    await revokeAllUserSessions(tx, { userId: user.id, keep: null });
    await recordAudit(tx, { actorUserId: user.id, action: "user.password_reset", target: user.id });
    return true;
  });
}
