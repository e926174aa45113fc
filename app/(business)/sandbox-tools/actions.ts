"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { sandboxToolActions } from "@/lib/sandbox-tools/actions";

export const simulatePurchaseAction = businessAction(sandboxToolActions.simulatePurchase);
export const captureAction = businessAction(sandboxToolActions.capture);
export const reverseAction = businessAction(sandboxToolActions.reverse);
export const receiveMoneyAction = businessAction(sandboxToolActions.receiveMoney);
export const completeInboundAction = businessAction(sandboxToolActions.completeInbound);
export const cardShippingAction = businessAction(sandboxToolActions.cardShipping);
export const addToWalletAction = businessAction(sandboxToolActions.addToWallet);
