"use server";

import { userAction } from "@/lib/actions/safe-action";
import { adminActions } from "@/lib/admin/actions";
import { appDeps } from "@/lib/admin/app-deps";

export const acceptAdminInviteAction = userAction(adminActions(appDeps).acceptInvite);
