import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { rememberedDevices, type RememberedDevice } from "@/db/schema";

export async function createRememberedDevice(
  db: DbOrTx,
  values: { userId: string; tokenHash: string; userAgent: string | null; expiresAt: Date },
): Promise<RememberedDevice> {
  const [row] = await db.insert(rememberedDevices).values(values).returning();
  return row!;
}

const live = (userId: string, now: Date) =>
  and(eq(rememberedDevices.userId, userId), isNull(rememberedDevices.revokedAt), gt(rememberedDevices.expiresAt, now));

/** The device if it is the user's, unexpired and unrevoked. */
export async function liveRememberedDevice(
  db: DbOrTx,
  { userId, deviceId, now }: { userId: string; deviceId: string; now: Date },
): Promise<RememberedDevice | null> {
  const [row] = await db
    .select()
    .from(rememberedDevices)
    .where(and(eq(rememberedDevices.id, deviceId), live(userId, now)));
  return row ?? null;
}

export async function touchRememberedDevice(db: DbOrTx, { deviceId, now }: { deviceId: string; now: Date }) {
  await db.update(rememberedDevices).set({ lastUsedAt: now }).where(eq(rememberedDevices.id, deviceId));
}

/** The user's live remembered devices, newest first. */
export async function listRememberedDevices(
  db: DbOrTx,
  { userId, now }: { userId: string; now: Date },
): Promise<RememberedDevice[]> {
  return db
    .select()
    .from(rememberedDevices)
    .where(live(userId, now))
    .orderBy(desc(rememberedDevices.createdAt))
    .limit(100);
}

/** Revokes one of the user's devices; false when it was not theirs or already revoked. */
export async function revokeRememberedDevice(
  db: DbOrTx,
  { userId, deviceId }: { userId: string; deviceId: string },
): Promise<boolean> {
  const rows = await db
    .update(rememberedDevices)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(rememberedDevices.id, deviceId),
        eq(rememberedDevices.userId, userId),
        isNull(rememberedDevices.revokedAt),
      ),
    )
    .returning({ id: rememberedDevices.id });
  return rows.length > 0;
}

export async function revokeAllRememberedDevices(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const rows = await db
    .update(rememberedDevices)
    .set({ revokedAt: new Date() })
    .where(and(eq(rememberedDevices.userId, userId), isNull(rememberedDevices.revokedAt)))
    .returning({ id: rememberedDevices.id });
  return rows.length;
}
