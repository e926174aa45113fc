import { and, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { signInFailures } from "@/db/schema";

/** Failed sign-ins for this email since `since`. */
export async function countSignInFailures(
  db: DbOrTx,
  { email, since }: { email: string; since: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gte(signInFailures.createdAt, since)));
  return row?.n ?? 0;
}

export async function recordSignInFailure(db: DbOrTx, { email, at }: { email: string; at: Date }): Promise<void> {
  await db.insert(signInFailures).values({ email, createdAt: at });
}

/** Forgets the email's failures (after a successful sign-in). */
export async function clearSignInFailures(db: DbOrTx, { email }: { email: string }): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}
