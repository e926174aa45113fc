"use server";

import { businessAction, userAction } from "@/lib/actions/safe-action";
import { notificationActions } from "@/lib/notifications/actions";

export const markReadAction = userAction(notificationActions.markRead);
export const markAllReadAction = userAction(notificationActions.markAllRead);
export const setEmailChoicesAction = userAction(notificationActions.setEmailChoices);
export const setLowBalanceThresholdAction = businessAction(notificationActions.setThreshold);
