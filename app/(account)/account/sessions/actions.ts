"use server";

import { userAction } from "@/lib/actions/safe-action";
import { sessionActions } from "@/lib/auth/session-actions";
import { stepUpActions } from "@/lib/auth/step-up";

export const revokeSessionAction = userAction(sessionActions.revoke);
export const signOutEverywhereAction = userAction(sessionActions.signOutEverywhere);
export const expireProofAction = userAction(stepUpActions.expireProof);
