import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, memberships, type Business, type MembershipRole } from "@/db/schema";

/** The businesses a user belongs to, with their role in each, oldest membership first. */
export function membershipsOf(
  db: DbOrTx,
  { userId }: { userId: string },
): Promise<Array<{ business: Business; role: MembershipRole }>> {
  return db
    .select({ business: businesses, role: memberships.role })
    .from(memberships)
    .innerJoin(businesses, eq(businesses.id, memberships.businessId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}
