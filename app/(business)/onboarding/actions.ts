"use server";

import { businessAction, userAction } from "@/lib/actions/safe-action";
import { businessActions } from "@/lib/businesses/actions";

export const createBusinessAction = userAction(businessActions.create);
export const continueOnboardingAction = businessAction(businessActions.continueOnboarding);
