import "server-only";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { inviteByTokenHash, markInviteAccepted } from "@/db/queries/business-invites";
import { addMembership } from "@/db/queries/memberships";
import type { BusinessInvite } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { hashInviteToken } from "./tokens";

export type InviteStatus = "open" | "expired" | "revoked" | "accepted";
export type InviteView = {
  status: InviteStatus;
  businessId: string;
  businessName: string;
  email: string;
  role: BusinessInvite["role"];
  expiresAt: Date;
};

/** What the invitee is told when a link can't be used, one message per reason. */
export const INVITE_PROBLEMS: Record<Exclude<InviteStatus, "open"> | "unknown", string> = {
  unknown: "This invitation link isn't valid. Check that you copied the whole link, or ask for a new one.",
  expired: "This invitation has expired. Ask the business owner to invite you again.",
  revoked: "This invitation was withdrawn. Ask the business owner for a new one.",
  accepted: "This invitation has already been used.",
};

function statusOf(invite: BusinessInvite, now: Date): InviteStatus {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

const findByToken = (db: DbOrTx, token: string, lock: boolean) =>
  inviteByTokenHash(db, { tokenHash: hashInviteToken(token), lock });

/** The invitation behind a link, for the page that offers to accept it (null for an unknown token). */
export async function describeInvite(db: DbOrTx, token: string, now = new Date()): Promise<InviteView | null> {
  const row = await findByToken(db, token, false);
  if (!row) return null;
  const { invite, businessName } = row;
  return {
    status: statusOf(invite, now),
    businessId: invite.businessId,
    businessName,
    email: invite.email,
    role: invite.role,
    expiresAt: invite.expiresAt,
  };
}

export type Invitee = { id: string; email: string; platformRole: string | null };

/**
 * Accepts an invitation for the signed-in user: the link must be open and addressed to their
 * email. The membership and the invitation's use are written together, once.
 */
export async function acceptInvite(
  db: DbOrTx,
  { token, user, now = new Date() }: { token: string; user: Invitee; now?: Date },
): Promise<ActionResult<{ businessId: string; role: BusinessInvite["role"] }>> {
  if (user.platformRole)
    return fail(
      "forbidden",
      undefined,
      "Platform staff can't join a business. Sign in with a business account to accept.",
    );
  return db.transaction(async (tx) => {
    const row = await findByToken(tx, token, true);
    if (!row) return fail("not_found", undefined, INVITE_PROBLEMS.unknown);
    const { invite, businessName } = row;
    const status = statusOf(invite, now);
    if (status !== "open") return fail("not_found", undefined, INVITE_PROBLEMS[status]);
    if (invite.email.toLowerCase() !== user.email.trim().toLowerCase()) {
      return fail(
        "forbidden",
        undefined,
        `This invitation is for ${invite.email}. Sign in with that email to accept it.`,
      );
    }
    const joined = await addMembership(tx, {
      businessId: invite.businessId,
      userId: user.id,
      role: invite.role,
      cardholderId: invite.cardholderId,
    });
    if (!joined) return fail("validation_failed", undefined, `You're already a member of ${businessName}.`);
    await markInviteAccepted(tx, { businessId: invite.businessId, inviteId: invite.id, at: now });
    await recordAudit(tx, {
      actorUserId: user.id,
      businessId: invite.businessId,
      action: "team.invite_accepted",
      target: invite.id,
      data: { role: invite.role },
    });
    return ok({ businessId: invite.businessId, role: invite.role });
  });
}
