"use server";

import { userAction } from "@/lib/actions/safe-action";
import { twoFactorAccountActions as a } from "@/lib/auth/two-factor/account-actions";

export const confirmTwoFactorAction = userAction(a.confirmEnrolment);
export const disableTwoFactorAction = userAction(a.disable);
export const regenerateRecoveryCodesAction = userAction(a.regenerateRecoveryCodes);
export const revokeDeviceAction = userAction(a.revokeDevice);
export const revokeAllDevicesAction = userAction(a.revokeAllDevices);
