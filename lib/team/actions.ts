import "server-only";
import type { DbOrTx } from "@/db/connect";
import type { ActionSpec } from "@/lib/actions/execute";
import type { BusinessActor } from "@/lib/actions/safe-action";
import { ok } from "@/lib/errors";
import { inviteMember, listPendingInvites, revokeInvite, type CreatedInvite } from "./invites";
import { changeMemberRole, listMembers, removeMember } from "./members";
import { changeRoleSchema, inviteSchema, listTeamSchema, removeMemberSchema, revokeInviteSchema } from "./schemas";

/**
 * The team actions' cores, bound to a database so tests run them through `executeAction` with
 * any actor. The business is always the actor's (from the session), never from the input.
 */
export function teamActionSpecs(db: DbOrTx) {
  const listTeam = {
    permission: "team.view",
    schema: listTeamSchema,
    run: async (actor: BusinessActor) => {
      const [members, invites] = await Promise.all([
        listMembers(db, { businessId: actor.businessId }),
        listPendingInvites(db, { businessId: actor.businessId }),
      ]);
      return ok({ members, invites });
    },
  } satisfies ActionSpec<typeof listTeamSchema, unknown, BusinessActor>;

  const invite = {
    permission: "team.manage",
    schema: inviteSchema,
    run: (actor, input) => inviteMember(db, { businessId: actor.businessId, invitedBy: actor.userId, ...input }),
    // Never the token: the audit log is readable by more people than the link should be.
    audit: (input, data) => ({
      action: "team.invited",
      target: data.inviteId,
      data: { email: input.email, role: input.role },
    }),
  } satisfies ActionSpec<typeof inviteSchema, CreatedInvite, BusinessActor>;

  const revoke = {
    permission: "team.manage",
    schema: revokeInviteSchema,
    run: (actor, input) => revokeInvite(db, { businessId: actor.businessId, inviteId: input.inviteId }),
    audit: (_input, data) => ({ action: "team.invite_revoked", target: data.inviteId, data: { email: data.email } }),
  } satisfies ActionSpec<typeof revokeInviteSchema, { inviteId: string; email: string }, BusinessActor>;

  const changeRole = {
    permission: "team.manage",
    schema: changeRoleSchema,
    run: (actor, input) => changeMemberRole(db, { businessId: actor.businessId, actorUserId: actor.userId, ...input }),
    audit: (_input, data) => ({
      action: "team.role_changed",
      target: data.membershipId,
      data: { from: data.from, to: data.to },
    }),
  } satisfies ActionSpec<typeof changeRoleSchema, { membershipId: string; from: string; to: string }, BusinessActor>;

  const remove = {
    permission: "team.manage",
    schema: removeMemberSchema,
    run: (actor, input) => removeMember(db, { businessId: actor.businessId, actorUserId: actor.userId, ...input }),
    audit: (_input, data) => ({
      action: "team.member_removed",
      target: data.membershipId,
      data: { userId: data.userId },
    }),
  } satisfies ActionSpec<typeof removeMemberSchema, { membershipId: string; userId: string }, BusinessActor>;

  return { listTeam, invite, revoke, changeRole, remove };
}
