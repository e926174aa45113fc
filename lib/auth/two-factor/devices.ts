import "server-only";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { createRememberedDevice, liveRememberedDevice, touchRememberedDevice } from "@/db/queries/remembered-devices";
import { randomToken, sha256, sign, unsign } from "./keys";
import { isUuid } from "@/lib/ids";

export const DEVICE_COOKIE = "ic_device";
export const DEVICE_DAYS = 30;
const PURPOSE = "remembered-device";

/**
 * Remembers this browser for the user: a row holding the hash of a random secret, and the cookie
 * value (row id and secret, signed) that proves it. Audited.
 */
export async function rememberDevice(
  db: DbOrTx,
  { userId, userAgent, now = new Date() }: { userId: string; userAgent: string | null; now?: Date },
): Promise<{ cookie: string; expiresAt: Date }> {
  const secret = randomToken();
  const expiresAt = new Date(now.getTime() + DEVICE_DAYS * 24 * 60 * 60 * 1000);
  const device = await createRememberedDevice(db, {
    userId,
    tokenHash: sha256(secret),
    userAgent: userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  await recordAudit(db, { actorUserId: userId, action: "user.device_remembered", target: device.id });
  return { cookie: sign(PURPOSE, `${device.id}.${secret}`), expiresAt };
}

/** Whether the cookie names a live remembered device of this user (and its secret matches). */
export async function deviceRemembered(
  db: DbOrTx,
  { userId, cookie, now = new Date() }: { userId: string; cookie: string | undefined; now?: Date },
): Promise<boolean> {
  const value = cookie ? unsign(PURPOSE, cookie) : null;
  const [deviceId, secret] = value?.split(".") ?? [];
  if (!deviceId || !secret || !isUuid(deviceId)) return false;
  const device = await liveRememberedDevice(db, { userId, deviceId, now });
  if (!device || device.tokenHash !== sha256(secret)) return false;
  await touchRememberedDevice(db, { deviceId, now });
  return true;
}
