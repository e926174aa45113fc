import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { appMeta } from "@/db/schema";

/** Whether this installation has recorded the fact `key` (say, that demo data was seeded). */
export async function hasAppMeta(db: DbOrTx, { key }: { key: string }): Promise<boolean> {
  const [row] = await db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, key)).limit(1);
  return Boolean(row);
}

/** Records the fact once: a second insert of the same key fails (the caller holds a transaction). */
export async function insertAppMeta(db: DbOrTx, { key, value }: { key: string; value: unknown }): Promise<void> {
  await db.insert(appMeta).values({ key, value });
}
