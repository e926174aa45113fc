"use server";

import { getDb } from "@/db";
import { publicAction, userAction } from "@/lib/actions/safe-action";
import { authActions } from "@/lib/auth/actions";
import { stepUpActions } from "@/lib/auth/step-up";
import { switchBusinessSpec } from "@/lib/auth/switch-business";

export const signInAction = publicAction(authActions.signIn);
export const signUpAction = publicAction(authActions.signUp);
export const signOutAction = userAction(authActions.signOut);
export const confirmIdentityAction = userAction(stepUpActions.confirm);
export const switchBusinessAction = userAction(switchBusinessSpec(getDb));
