"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { cardRequestActions } from "@/lib/card-requests/actions";
import { expenseActions } from "@/lib/expenses/actions";
import { ownCardActions } from "@/lib/cards/own-card-actions";
import { replaceActions } from "@/lib/cards/replace-actions";

export const freezeOwnCardAction = businessAction(ownCardActions.freeze);
export const unfreezeOwnCardAction = businessAction(ownCardActions.unfreeze);
export const revealOwnCardAction = businessAction(ownCardActions.revealKey);
export const reportCardAction = businessAction(replaceActions.report);
export const requestOwnCardAction = businessAction(cardRequestActions.create);
export const cancelOwnRequestAction = businessAction(cardRequestActions.cancel);
export const noteOwnPurchaseAction = businessAction(expenseActions.noteOwn);
