"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { twoFactorSignInActions } from "@/lib/auth/two-factor/actions";

export const verifySignInAction = publicAction(twoFactorSignInActions.verify);
