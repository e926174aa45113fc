import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { authorizationRules, decisionSettings, type AuthorizationRuleRow } from "@/db/schema";

/** The platform-wide rules (the one row without a business), if saved yet. */
export async function platformRulesRow(db: DbOrTx): Promise<AuthorizationRuleRow | undefined> {
  const [row] = await db.select().from(authorizationRules).where(isNull(authorizationRules.businessId)).limit(1);
  return row;
}

/** The business's own rules, if it has any. */
export async function businessRulesRow(
  db: DbOrTx,
  { businessId }: { businessId: string },
): Promise<AuthorizationRuleRow | undefined> {
  const [row] = await db
    .select()
    .from(authorizationRules)
    .where(eq(authorizationRules.businessId, businessId))
    .limit(1);
  return row;
}

export async function decisionSettingsRow(db: DbOrTx) {
  const [row] = await db.select().from(decisionSettings).where(eq(decisionSettings.id, 1)).limit(1);
  return row;
}

/** Current rules rows of the given businesses (those without a row have none of their own). */
export async function businessRulesFor(db: DbOrTx, businessIds: string[]): Promise<Map<string, AuthorizationRuleRow>> {
  if (businessIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(authorizationRules)
    .where(and(isNotNull(authorizationRules.businessId), inArray(authorizationRules.businessId, businessIds)));
  return new Map(rows.map((r) => [r.businessId!, r]));
}
