"use server";

import { publicAction, userAction } from "@/lib/actions/safe-action";
import { authActions } from "@/lib/auth/actions";

export const signInAction = publicAction(authActions.signIn);
export const signUpAction = publicAction(authActions.signUp);
export const signOutAction = userAction(authActions.signOut);
