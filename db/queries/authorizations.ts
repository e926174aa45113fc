import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { authorizations } from "@/db/schema";

export type AuthorizationRow = typeof authorizations.$inferSelect;

/** The business's newest card authorizations, from the read model. */
export function recentAuthorizations(
  db: DbOrTx,
  { accountId, limit }: { accountId: string; limit: number },
): Promise<AuthorizationRow[]> {
  return db
    .select()
    .from(authorizations)
    .where(eq(authorizations.accountId, accountId))
    .orderBy(desc(authorizations.objectCreatedAt))
    .limit(limit);
}
