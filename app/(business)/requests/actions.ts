"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { cardRequestActions } from "@/lib/card-requests/actions";

export const requestCardAction = businessAction(cardRequestActions.create);
export const approveRequestAction = businessAction(cardRequestActions.approve);
export const declineRequestAction = businessAction(cardRequestActions.decline);
export const cancelRequestAction = businessAction(cardRequestActions.cancel);
