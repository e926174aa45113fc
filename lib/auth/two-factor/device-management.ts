import "server-only";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { revokeAllRememberedDevices, revokeRememberedDevice } from "@/db/queries/remembered-devices";

/** Forgets one of the user's remembered devices (only theirs): its next sign-in asks for a code. */
export async function revokeDevice(db: DbOrTx, { userId, deviceId }: { userId: string; deviceId: string }) {
  return db.transaction(async (tx) => {
    const revoked = await revokeRememberedDevice(tx, { userId, deviceId });
    if (revoked) await recordAudit(tx, { actorUserId: userId, action: "user.device_revoked", target: deviceId });
    return revoked;
  });
}

export async function revokeAllDevices(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const devices = await revokeAllRememberedDevices(tx, { userId });
    if (devices > 0)
      await recordAudit(tx, { actorUserId: userId, action: "user.device_revoked", target: userId, data: { devices } });
    return devices;
  });
}
