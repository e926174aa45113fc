"use server";

import { publicAction, userAction } from "@/lib/actions/safe-action";
import { authActions } from "@/lib/auth/actions";
import { stepUpActions } from "@/lib/auth/step-up";

export const signInAction = publicAction(authActions.signIn);
export const signUpAction = publicAction(authActions.signUp);
export const signOutAction = userAction(authActions.signOut);
export const confirmIdentityAction = userAction(stepUpActions.confirm);
