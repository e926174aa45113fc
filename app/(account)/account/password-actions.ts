"use server";

import { userAction } from "@/lib/actions/safe-action";
import { passwordActions } from "@/lib/auth/password-actions";

export const changePasswordAction = userAction(passwordActions.changePassword);
