import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { businessSpec, userSpec } from "@/lib/actions/execute";
import { rememberActiveBusiness } from "@/lib/auth/active-business";
import { ok } from "@/lib/errors";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/security/request";
import { getStripe } from "@/lib/stripe/client";
import { acceptInvite } from "./accept";
import { inviteMember, revokeInvite } from "./invites";
import { cardholderInviteSchema, inviteCardholder } from "./cardholder-invite";
import { changeMemberRole, removeMember } from "./members";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInviteSchema } from "./schemas";
import { invitePath } from "./tokens";

/** A token from a link: anything else reads as an unknown invitation. */
const tokenSchema = z.object({ token: z.string().max(500).catch("") });

/**
 * The team actions, on the database `db` returns (tests pass their own). The business is always
 * the actor's (from the session), never from the input.
 */
export function teamActions(db: () => DbOrTx) {
  return {
    invite: businessSpec({
      permission: "team.manage",
      stepUp: true,
      schema: inviteSchema,
      run: async ({ actor, business, input }) => {
        const created = await inviteMember(db(), { businessId: business.id, invitedBy: actor.userId, ...input });
        // The link is shown once, to the owner: only its hash is stored.
        return created.ok ? ok({ ...created.data, path: invitePath(created.data.token) }) : created;
      },
      // Never the token: the audit log is readable by more people than the link should be.
      audit: (input, data) => ({
        action: "team.invited",
        target: data.inviteId,
        data: { email: input.email, role: input.role },
      }),
      revalidate: () => ["/team"],
      echo: ["email", "role"],
    }),

    /** Owners and admins invite a cardholder, naming (or creating) the Issuing cardholder they will be. */
    inviteCardholder: businessSpec({
      permission: "cardholders.invite",
      schema: cardholderInviteSchema,
      run: async ({ actor, business, input }) => {
        const h = await headers();
        const created = await inviteCardholder(
          db(),
          getStripe(),
          { business, userId: actor.userId, ip: clientAddress(h), userAgent: h.get("user-agent") },
          input,
        );
        return created.ok ? ok({ ...created.data, path: invitePath(created.data.token) }) : created;
      },
      audit: (input, data) => ({
        action: "team.invited",
        target: data.inviteId,
        data: {
          email: input.email,
          role: "cardholder",
          cardholderId: data.cardholderId,
          created: input.cardholder === "new",
        },
      }),
      revalidate: () => ["/team"],
      echo: ["email", "cardholder", "firstName", "lastName", "phone", "line1", "line2", "city", "state", "postalCode"],
    }),

    revoke: businessSpec({
      permission: "team.manage",
      schema: revokeInviteSchema,
      run: ({ business, input }) => revokeInvite(db(), { businessId: business.id, inviteId: input.inviteId }),
      audit: (_input, data) => ({ action: "team.invite_revoked", target: data.inviteId, data: { email: data.email } }),
      revalidate: () => ["/team"],
    }),

    changeRole: businessSpec({
      permission: "team.manage",
      stepUp: true,
      schema: changeRoleSchema,
      run: ({ actor, business, input }) =>
        changeMemberRole(db(), { businessId: business.id, actorUserId: actor.userId, ...input }),
      audit: (_input, data) => ({
        action: "team.role_changed",
        target: data.membershipId,
        data: { from: data.from, to: data.to },
      }),
      revalidate: () => ["/team"],
    }),

    remove: businessSpec({
      permission: "team.manage",
      stepUp: true,
      schema: removeMemberSchema,
      run: ({ actor, business, input }) =>
        removeMember(db(), { businessId: business.id, actorUserId: actor.userId, ...input }),
      audit: (_input, data) => ({
        action: "team.member_removed",
        target: data.membershipId,
        data: { userId: data.userId },
      }),
      revalidate: () => ["/team"],
    }),

    /** Accepts for the signed-in user, makes the business the active one and opens its dashboard. */
    acceptInvite: userSpec({
      schema: tokenSchema,
      run: async ({ user, input }) => {
        const result = await acceptInvite(db(), { token: input.token, user });
        if (!result.ok) return result;
        await rememberActiveBusiness(result.data.businessId);
        return result;
      },
      // A cardholder sees only their own cards.
      redirectTo: (_input, data) => (data.role === "cardholder" ? "/my-cards" : "/dashboard"),
    }),
  };
}
