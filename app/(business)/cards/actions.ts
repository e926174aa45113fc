"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { cardActions } from "@/lib/cards/actions";

export const saveRulesAction = businessAction(cardActions.saveRules);
export const orderPhysicalCardAction = businessAction(cardActions.orderPhysical);
export const activateCardAction = businessAction(cardActions.activate);
export const createVirtualCardAction = businessAction(cardActions.createVirtual);
export const setWalletTokenStatusAction = businessAction(cardActions.setTokenStatus);
export const setCardholderContactAction = businessAction(cardActions.setCardholderContact);
