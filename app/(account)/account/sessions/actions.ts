"use server";

import { userAction } from "@/lib/actions/safe-action";
import { sessionActions } from "@/lib/auth/session-actions";

export const revokeSessionAction = userAction(sessionActions.revoke);
export const signOutEverywhereAction = userAction(sessionActions.signOutEverywhere);
