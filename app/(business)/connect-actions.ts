"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { connectActions } from "@/lib/connect/actions";

export const createAccountSession = businessAction(connectActions.createAccountSession);
export const createIssuingEphemeralKey = businessAction(connectActions.createIssuingEphemeralKey);
