import "server-only";
import type { DbOrTx } from "@/db/connect";
import { insertInvite, revokeOpenInvite, revokeOpenInvitesFor } from "@/db/queries/business-invites";
import { isMemberByEmail } from "@/db/queries/memberships";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { BusinessInvite } from "@/db/schema";
import type { InviteInput } from "./schemas";
import { hashInviteToken, INVITE_TTL_MS, newInviteToken } from "./tokens";

/** Postgres and PGlite both report a unique violation as 23505, possibly wrapped by drizzle. */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export type CreatedInvite = {
  inviteId: string;
  token: string;
  email: string;
  role: BusinessInvite["role"];
  expiresAt: Date;
};

/**
 * Invites `email` into the business. Re-inviting replaces the open invitation (its link stops
 * working). The token is returned once, for the owner to share; only its hash is stored.
 */
export async function inviteMember(
  db: DbOrTx,
  {
    businessId,
    invitedBy,
    email,
    role,
    cardholderId = null,
    now = new Date(),
  }: Omit<InviteInput, "role"> & {
    role: BusinessInvite["role"];
    /** For a cardholder: the Issuing cardholder they become. */
    cardholderId?: string | null;
    businessId: string;
    invitedBy: string;
    now?: Date;
  },
): Promise<ActionResult<CreatedInvite>> {
  const normalized = email.trim().toLowerCase();
  if (await isMemberByEmail(db, { businessId, email: normalized })) {
    return fail("validation_failed", { email: `${normalized} is already in your team.` });
  }
  const token = newInviteToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  try {
    const invite = await db.transaction(async (tx) => {
      await revokeOpenInvitesFor(tx, { businessId, email: normalized, at: now });
      return insertInvite(tx, {
        businessId,
        email: normalized,
        role,
        cardholderId,
        tokenHash: hashInviteToken(token),
        invitedBy,
        expiresAt,
        createdAt: now,
      });
    });
    return ok({ inviteId: invite.id, token, email: normalized, role, expiresAt });
  } catch (err) {
    // Two submits at once: the other one won and its invitation is the open one.
    if (isUniqueViolation(err))
      return fail("validation_failed", { email: "An invitation for this email was just created. Refresh to see it." });
    throw err;
  }
}

/** Withdraws an open invitation of this business; another business's id looks missing. */
export async function revokeInvite(
  db: DbOrTx,
  { businessId, inviteId, now = new Date() }: { businessId: string; inviteId: string; now?: Date },
): Promise<ActionResult<{ inviteId: string; email: string }>> {
  const row = await revokeOpenInvite(db, { businessId, inviteId, at: now });
  if (!row) return fail("not_found", undefined, "That invitation is no longer open.");
  return ok({ inviteId: row.id, email: row.email });
}
