import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { signInFailures } from "@/db/schema";

export type EmailFailures = {
  /** Failures for the email from any address since `since`. */
  count: number;
  last: Date | null;
  /** The `nth` most recent of them from `address` (null when there are fewer). */
  nthFromAddress: Date | null;
  /** Failures for the email from `address` only, and the latest of them (a known browser's own). */
  countFromAddress: number;
  lastFromAddress: Date | null;
};

/** What the throttle needs about one email, in one query on the email's index. */
export async function emailFailures(
  db: DbOrTx,
  { email, address, since, nth }: { email: string; address: string; since: Date; nth: number },
): Promise<EmailFailures> {
  const at = signInFailures.createdAt;
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      last: sql<Date | null>`max(${at})`.mapWith(at),
      nthFromAddress: sql<Date | null>`(array_agg(${at} order by ${at} desc)
        filter (where ${signInFailures.ipAddress} = ${address}))[${nth}::int]`.mapWith(at),
      countFromAddress: sql<number>`(count(*) filter (where ${signInFailures.ipAddress} = ${address}))::int`,
      lastFromAddress: sql<Date | null>`max(${at}) filter (where ${signInFailures.ipAddress} = ${address})`.mapWith(at),
    })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gte(at, since)));
  return {
    count: row?.count ?? 0,
    last: row?.last ?? null,
    nthFromAddress: row?.nthFromAddress ?? null,
    countFromAddress: row?.countFromAddress ?? 0,
    lastFromAddress: row?.lastFromAddress ?? null,
  };
}

/** The `nth` most recent failure from this address (any email) since `since`, or null when there are fewer. */
export async function nthAddressFailure(
  db: DbOrTx,
  { address, since, nth }: { address: string; since: Date; nth: number },
): Promise<Date | null> {
  const [row] = await db
    .select({ at: signInFailures.createdAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.ipAddress, address), gte(signInFailures.createdAt, since)))
    .orderBy(desc(signInFailures.createdAt))
    .offset(nth - 1)
    .limit(1);
  return row?.at ?? null;
}

export async function recordSignInFailure(
  db: DbOrTx,
  { email, address, at }: { email: string; address: string; at: Date },
): Promise<void> {
  await db.insert(signInFailures).values({ email, ipAddress: address, createdAt: at });
}

/**
 * Forgets the email's failures from this address (after a successful sign-in from it). Failures
 * from elsewhere stay: a user signing in must not lift the slowdown or block an attacker earned.
 */
export async function clearSignInFailures(
  db: DbOrTx,
  { email, address }: { email: string; address: string },
): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.email, email), eq(signInFailures.ipAddress, address)));
}
