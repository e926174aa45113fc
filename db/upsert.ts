import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable, PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/connect";

type ReadModelTable = PgTable & { id: PgColumn; sourceAt: PgColumn };

/**
 * Inserts a read-model row, or updates it only if this row is at least as new as the stored one
 * (`sourceAt`), so events applied out of order converge on the newest state.
 */
export async function upsertNewer<T extends ReadModelTable>(
  db: DbOrTx,
  table: T,
  row: T["$inferInsert"],
  extraGuard?: SQL,
): Promise<void> {
  const columns = getTableColumns(table);
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(columns)) {
    if (key === "id" || !(key in (row as Record<string, unknown>))) continue;
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  const newer = sql`${table.sourceAt} <= excluded."source_at"`;
  await db
    .insert(table)
    .values(row)
    .onConflictDoUpdate({ target: table.id, set, setWhere: extraGuard ? sql`${newer} and ${extraGuard}` : newer });
}
