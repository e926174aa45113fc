"use server";

import { platformAction } from "@/lib/actions/safe-action";
import { adminActions } from "@/lib/admin/actions";
import { appDeps } from "@/lib/admin/app-deps";

export const replayAction = platformAction(adminActions(appDeps).replay);
