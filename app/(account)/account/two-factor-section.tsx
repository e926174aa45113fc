import { getDb } from "@/db";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { twoFactorOverview } from "@/lib/auth/two-factor/overview";
import type { Viewer } from "@/lib/auth/session";
import {
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  revokeAllDevicesAction,
  revokeDeviceAction,
} from "./two-factor/actions";

/** The account page's two-factor section, with its data and actions. */
export async function TwoFactorAccountSection({ viewer }: { viewer: Viewer }) {
  return (
    <TwoFactorSection
      overview={await twoFactorOverview(getDb(), viewer)}
      actions={{
        disable: disableTwoFactorAction,
        regenerate: regenerateRecoveryCodesAction,
        revokeDevice: revokeDeviceAction,
        revokeAll: revokeAllDevicesAction,
      }}
    />
  );
}
