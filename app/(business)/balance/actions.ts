"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { issuingBalanceActions } from "@/lib/issuing-balance/actions";

export const payOutAction = businessAction(issuingBalanceActions.payOut);
