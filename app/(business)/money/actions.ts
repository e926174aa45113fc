"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { treasuryActions } from "@/lib/treasury/actions";

export const linkBankAction = businessAction(treasuryActions.linkBank);
export const verifyBankAction = businessAction(treasuryActions.verifyBank);
export const moveMoneyInAction = businessAction(treasuryActions.moveMoneyIn);
