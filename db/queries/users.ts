import { count, eq, isNull, sql } from "drizzle-orm";
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

/** The user with this email in any case (emails are unique regardless of case). */
export async function getUserByEmail(db: DbOrTx, { email }: { email: string }): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user;
}

export type NewUser = { email: string; name: string; passwordHash: string; platformRole?: User["platformRole"] };

/** Creates the user; undefined when the email is taken. */
export async function createUser(db: DbOrTx, user: NewUser): Promise<User | undefined> {
  const [created] = await db.insert(users).values(user).onConflictDoNothing().returning();
  return created;
}

/** A new password (already hashed): after a reset or a change. */
export async function setPasswordHash(
  db: DbOrTx,
  { userId, passwordHash }: { userId: string; passwordHash: string },
): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function makePlatformAdmin(db: DbOrTx, { userId }: { userId: string }): Promise<void> {
  await db.update(users).set({ platformRole: "platform_admin" }).where(eq(users.id, userId));
}

/** The platform's admins, longest-serving first. */
export function listPlatformAdmins(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, since: users.createdAt })
    .from(users)
    .where(eq(users.platformRole, "platform_admin"))
    .orderBy(users.createdAt);
}
