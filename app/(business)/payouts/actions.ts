"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { payoutActions } from "@/lib/payouts/actions";
import { appPayoutDeps } from "@/lib/payouts/app-deps";

const payouts = payoutActions(appPayoutDeps);

export const addCryptoDestinationAction = businessAction(payouts.addCryptoDestination);
export const addBankDestinationAction = businessAction(payouts.addBankDestination);
export const archiveDestinationAction = businessAction(payouts.archiveDestination);
export const sendPayoutAction = businessAction(payouts.sendPayout);
export const drivePayoutAction = businessAction(payouts.drivePayout);
