import "server-only";
import type { DbOrTx } from "@/db/connect";
import { countUnusedRecoveryCodes } from "@/db/queries/recovery-codes";
import { listRememberedDevices } from "@/db/queries/remembered-devices";
import type { Business, User } from "@/db/schema";
import type { BusinessRole } from "@/lib/auth/permissions";
import { twoFactorRequired } from "./policy";

export type TwoFactorOverview = {
  enabled: boolean;
  required: boolean;
  unusedRecoveryCodes: number;
  devices: Array<{ id: string; userAgent: string | null; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date }>;
};

/** What the account page shows of the viewer's two-factor sign-in (never the secret). */
export async function twoFactorOverview(
  db: DbOrTx,
  viewer: { user: User; memberships: ReadonlyArray<{ business: Business; role: BusinessRole }> },
  now = new Date(),
): Promise<TwoFactorOverview> {
  const { user } = viewer;
  const enabled = Boolean(user.totpEnabledAt);
  const devices = enabled ? await listRememberedDevices(db, { userId: user.id, now }) : [];
  return {
    enabled,
    required: twoFactorRequired(user, viewer.memberships),
    unusedRecoveryCodes: enabled ? await countUnusedRecoveryCodes(db, { userId: user.id }) : 0,
    devices: devices.map(({ id, userAgent, createdAt, lastUsedAt, expiresAt }) => ({
      id,
      userAgent,
      createdAt,
      lastUsedAt,
      expiresAt,
    })),
  };
}
