import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import {
  adminInviteByTokenHash,
  claimAdminInvite,
  insertAdminInvite,
  recentAdminInvites,
} from "@/db/queries/admin-invites";
import { recordAudit } from "@/db/queries/audit-log";
import { membershipsOf } from "@/db/queries/memberships";
import { getUserByEmail, listPlatformAdmins, makePlatformAdmin } from "@/db/queries/users";
import type { User } from "@/db/schema";
import type { PlatformActor } from "@/lib/actions/execute";
import { emailSchema } from "@/lib/auth/schemas";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { AdminDeps } from "./deps";

export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const inviteSchema = z.object({ email: emailSchema });
export type CreatedAdminInvite = { inviteId: string; email: string; url: string; expiresAt: Date };

/**
 * Invites another platform admin: a random 256-bit token, of which only the hash is stored. The
 * link is shown once to the inviting admin; it works once, for that email, for 72 hours.
 */
export async function createAdminInvite(
  deps: AdminDeps,
  actor: PlatformActor,
  email: string,
  now = new Date(),
): Promise<ActionResult<CreatedAdminInvite>> {
  const existing = await getUserByEmail(deps.db, { email });
  if (existing?.platformRole === "platform_admin")
    return fail("validation_failed", { email: "This person is already a platform admin" });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const row = await insertAdminInvite(deps.db, {
    email,
    tokenHash: hashToken(token),
    invitedBy: actor.userId,
    expiresAt,
  });
  return ok({ inviteId: row.id, email, url: `${await deps.origin()}/admin-invite/${token}`, expiresAt });
}

export type InviteCheck =
  | { ok: true; inviteId: string; email: string; expiresAt: Date }
  | { ok: false; reason: "unknown" | "expired" | "used" };

export async function findInvite(db: DbOrTx, token: string, now = new Date()): Promise<InviteCheck> {
  const row = await adminInviteByTokenHash(db, { tokenHash: hashToken(token) });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.acceptedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, inviteId: row.id, email: row.email, expiresAt: row.expiresAt };
}

/**
 * The signed-in invitee becomes a platform admin: only with a live invite for their own email,
 * and only if they belong to no business (one person is either staff or a customer).
 */
export async function acceptAdminInvite(
  db: DbOrTx,
  user: User,
  token: string,
  now = new Date(),
): Promise<ActionResult<{ inviteId: string }>> {
  const check = await findInvite(db, token, now);
  if (!check.ok)
    return fail(
      "not_found",
      undefined,
      check.reason === "expired"
        ? "This invitation has expired. Ask for a new one"
        : "This invitation is not valid (it may have been used already)",
    );
  if (check.email.toLowerCase() !== user.email.toLowerCase())
    return fail("forbidden", undefined, `This invitation is for ${check.email}. Sign in with that email to accept it`);
  if ((await membershipsOf(db, { userId: user.id })).length > 0)
    return fail(
      "forbidden",
      undefined,
      "This account belongs to a business; platform admins need an account of their own",
    );
  return db.transaction(async (tx) => {
    // Claim the invite first: of two concurrent accepts only one updates the row.
    if (!(await claimAdminInvite(tx, { inviteId: check.inviteId, userId: user.id, now })))
      return fail("not_found", undefined, "This invitation is not valid (it may have been used already)");
    await makePlatformAdmin(tx, { userId: user.id });
    await recordAudit(tx, { actorUserId: user.id, action: "admin.invite.accepted", target: check.inviteId });
    return ok({ inviteId: check.inviteId });
  });
}

/** The platform's admins and the latest invitations, for the admins page. */
export async function listAdmins(db: DbOrTx) {
  const [admins, invites] = await Promise.all([listPlatformAdmins(db), recentAdminInvites(db)]);
  return { admins, invites };
}
