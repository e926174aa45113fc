"use server";

import { getDb } from "@/db";
import { businessAction } from "@/lib/actions/safe-action";
import { teamActions } from "@/lib/team/actions";

const team = teamActions(getDb);

export const inviteAction = businessAction(team.invite);
export const changeRoleAction = businessAction(team.changeRole);
export const removeMemberAction = businessAction(team.remove);
export const revokeInviteAction = businessAction(team.revoke);
export const inviteCardholderAction = businessAction(team.inviteCardholder);
