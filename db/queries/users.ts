import { count, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { users, type User } from "@/db/schema";

/** People who sign in for a business (everyone but the platform's admins). */
export async function countBusinessUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(isNull(users.platformRole));
  return row?.n ?? 0;
}

export async function getUser(db: DbOrTx, { userId }: { userId: string }): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return user;
}
