"use server";

import { getDb } from "@/db";
import { userAction } from "@/lib/actions/safe-action";
import { authActions } from "@/lib/auth/actions";
import { teamActions } from "@/lib/team/actions";

export const acceptInviteAction = userAction(teamActions(getDb).acceptInvite);
export const switchAccountAction = userAction(authActions.switchAccount);
