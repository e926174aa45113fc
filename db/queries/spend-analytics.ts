import { and, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { authorizations, businesses } from "@/db/schema";

export const DIMENSIONS = ["category", "country", "account"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type SpendRow = { key: string; label: string; currency: string; amount: number; count: number };

/**
 * Card spend (approved, not reversed authorizations) between `from` and `to`, grouped by merchant
 * category, merchant country or connected account, largest first.
 */
export async function spendBy(db: DbOrTx, dimension: Dimension, from: Date, to: Date, limit = 20): Promise<SpendRow[]> {
  const key =
    dimension === "category"
      ? sql<string>`coalesce(${authorizations.merchantCategory}, 'unknown')`
      : dimension === "country"
        ? sql<string>`coalesce(${authorizations.merchantCountry}, 'unknown')`
        : sql<string>`${authorizations.accountId}`;
  const rows = await db
    .select({
      key,
      label:
        dimension === "account"
          ? sql<string>`coalesce(max(${businesses.legalName}), ${authorizations.accountId})`
          : key,
      currency: authorizations.currency,
      amount: sql<string>`sum(${authorizations.amount})`,
      count: sql<number>`count(*)::int`,
    })
    .from(authorizations)
    .leftJoin(
      businesses,
      dimension === "account" ? eq(businesses.stripeAccountId, authorizations.accountId) : sql`false`,
    )
    .where(
      and(
        gte(authorizations.objectCreatedAt, from),
        lt(authorizations.objectCreatedAt, to),
        eq(authorizations.approved, true),
        ne(authorizations.status, "reversed"),
      ),
    )
    .groupBy(sql`1`, authorizations.currency, dimension === "account" ? authorizations.accountId : sql`1`)
    .orderBy(desc(sql`sum(${authorizations.amount})`))
    .limit(limit);
  return rows.map((r) => ({ ...r, amount: Number(r.amount), count: Number(r.count) }));
}

/** The period the analytics page and CSV show: `days` back from now, or explicit dates. */
export function periodFrom(
  params: { from?: string; to?: string; days?: string },
  now = new Date(),
): { from: Date; to: Date } {
  // A real calendar day only: "2026-13-45" matches the pattern but is no date (it made an Invalid Date and a 500).
  const parse = (s: string | undefined) => {
    const d = s && /^\d{4}-\d\d-\d\d$/.test(s) ? new Date(`${s}T00:00:00Z`) : null;
    return d && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? d : null;
  };
  const to = parse(params.to) ? new Date(parse(params.to)!.getTime() + 86_400_000) : now;
  const days = Math.min(366, Math.max(1, Number(params.days) || 30));
  const from = parse(params.from) ?? new Date(to.getTime() - days * 86_400_000);
  return from < to ? { from, to } : { from: new Date(to.getTime() - 30 * 86_400_000), to };
}

export function toCsv(rows: SpendRow[], dimension: Dimension): string {
  const esc = (v: string | number) => {
    const s = String(v);
    // Quote everything that could break a cell, and neutralise spreadsheet formulas.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = [dimension, "label", "currency", "amount_minor_units", "authorizations"].join(",");
  return (
    [header, ...rows.map((r) => [r.key, r.label, r.currency, r.amount, r.count].map(esc).join(","))].join("\n") + "\n"
  );
}
