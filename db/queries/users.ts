import { count, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { users } from "@/db/schema";

/** People who sign in for a business (everyone but the platform's admins). */
export async function countBusinessUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(isNull(users.platformRole));
  return row?.n ?? 0;
}
