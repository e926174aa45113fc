"use server";

import { platformAction } from "@/lib/actions/safe-action";
import { adminActions } from "@/lib/admin/actions";
import { appDeps } from "@/lib/admin/app-deps";

const admin = adminActions(appDeps);

export const revealAction = platformAction(admin.reveal);
export const simulateWireAction = platformAction(admin.simulateWire);
