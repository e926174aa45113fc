import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * Many rows as one `select` over a single JSON parameter, for `db.insert(table).select(...)`.
 * Unlike `.values(rows)`, the statement's text is the same whatever the number of rows (the
 * database prepares it once) and nothing is built per row here but the JSON. The hot path of
 * real-time decisions writes its batches this way.
 *
 * Values must be plain data (no SQL fragments). A column left out or null takes its default.
 */
export function rowsFromJson<T extends PgTable>(table: T, rows: T["$inferInsert"][]): SQL {
  // The columns drizzle's insert lists, in its order: all but generated ones (none in our schema).
  const columns = Object.entries(getTableColumns(table)).filter(([, c]) => !c.generated);
  const record = columns.map(([, c]) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`);
  const selected = columns.map(([, c]) => {
    const value = sql`r.${sql.identifier(c.name)}`;
    if (c.default === undefined) return value;
    const fallback = is(c.default, SQL) ? c.default : sql`${c.mapToDriverValue(c.default)}::${sql.raw(c.getSQLType())}`;
    return sql`coalesce(${value}, ${fallback})`;
  });
  const json = JSON.stringify(
    rows.map((row: Record<string, unknown>) =>
      Object.fromEntries(columns.map(([key, c]) => [c.name, row[key] ?? c.defaultFn?.() ?? null])),
    ),
  );
  return sql`select ${sql.join(selected, sql`, `)} from jsonb_to_recordset(${json}::jsonb) as r(${sql.join(record, sql`, `)})`;
}
