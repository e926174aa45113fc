"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { replaceActions } from "@/lib/cards/replace-actions";

export const replaceCardAction = businessAction(replaceActions.replace);
