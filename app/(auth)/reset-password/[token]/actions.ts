"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { passwordActions } from "@/lib/auth/password-actions";

export const resetPasswordAction = publicAction(passwordActions.resetPassword);
