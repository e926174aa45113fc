import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { authorizationRules, decisionSettings, type AuthorizationRuleRow } from "@/db/schema";

/** What a rules save writes: the rules and who saved them (the row's owner is the function's to set). */
export type RulesValues = Omit<typeof authorizationRules.$inferInsert, "id" | "businessId">;
export type DecisionSettingsValues = Pick<typeof decisionSettings.$inferInsert, "fallback" | "budgetMs">;

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

/** Saves the platform's rules: updates its row, or makes it the first time (its key is "business is null"). */
export async function savePlatformRulesRow(db: DbOrTx, values: RulesValues): Promise<void> {
  const existing = await platformRulesRow(db);
  if (existing) await db.update(authorizationRules).set(values).where(eq(authorizationRules.id, existing.id));
  else await db.insert(authorizationRules).values({ ...values, businessId: null });
}

export async function saveBusinessRulesRow(
  db: DbOrTx,
  { businessId, values }: { businessId: string; values: RulesValues },
): Promise<void> {
  await db
    .insert(authorizationRules)
    .values({ ...values, businessId })
    .onConflictDoUpdate({ target: authorizationRules.businessId, set: values });
}

/** The one settings row (id 1), made on first save. */
export async function saveDecisionSettingsRow(db: DbOrTx, settings: DecisionSettingsValues): Promise<void> {
  const values = { ...settings, updatedAt: new Date() };
  await db
    .insert(decisionSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: decisionSettings.id, set: values });
}
