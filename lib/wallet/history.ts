import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { listWalletEntryRows, type WalletEntriesQuery } from "@/db/queries/wallet-entries";
import { WALLET_ENTRY_KINDS, type WalletEntry } from "@/db/schema";
import { formatDecimal, formatMoney } from "@/lib/money";
import { csvCell, csvLines, textCell } from "@/lib/csv";

export const PAGE_SIZE = 25;

/** Filters arrive from the URL as strings; anything malformed is ignored rather than an error page. */
export const historyFilterSchema = z.object({
  type: z.enum(WALLET_ENTRY_KINDS).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type HistoryFilter = z.output<typeof historyFilterSchema>;

export const KIND_LABELS: Record<WalletEntry["kind"], string> = {
  funding: "Funding from platform",
  card_spending: "Card spending",
  card_refund: "Card refund",
  payout: "Payout",
  payout_return: "Payout returned",
  deposit: "Deposit",
  other: "Other",
};

function query(businessId: string, f: HistoryFilter, limit: number, offset = 0): WalletEntriesQuery {
  return {
    businessId,
    kind: f.type,
    from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
    // `to` is inclusive of the whole day.
    before: f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) : undefined,
    limit,
    offset,
  };
}

/** One page of the business's wallet history (one extra row tells whether there is a next page). */
export async function listWalletEntries(
  db: DbOrTx,
  q: { businessId: string; filter: HistoryFilter },
): Promise<{ rows: WalletEntry[]; hasMore: boolean; page: number }> {
  const page = q.filter.page ?? 1;
  const rows = await listWalletEntryRows(db, query(q.businessId, q.filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE));
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE, page };
}

/** Every matching entry as CSV, amounts as plain decimals with their currency in its own column. */
export async function walletCsv(db: DbOrTx, q: { businessId: string; filter: HistoryFilter }): Promise<string> {
  const rows = await listWalletEntryRows(db, query(q.businessId, q.filter, 50_000));
  const header = [
    "date",
    "type",
    "description",
    "amount",
    "currency",
    "counter_amount",
    "counter_currency",
    "status",
    "transaction_id",
  ];
  const lines = rows.map((r) =>
    [
      r.objectCreatedAt.toISOString(),
      KIND_LABELS[r.kind],
      textCell(r.description ?? ""),
      formatDecimal(r.amount, r.currency),
      r.currency.toUpperCase(),
      r.counterAmount == null ? "" : formatDecimal(r.counterAmount, r.counterCurrency ?? r.currency),
      r.counterCurrency?.toUpperCase() ?? "",
      r.status,
      r.id,
    ].map((c, i) => (i === 2 ? c : csvCell(c))),
  );
  return csvLines([header, ...lines]);
}

export function describeCounter(e: WalletEntry): string | null {
  return e.counterAmount == null || !e.counterCurrency
    ? null
    : `${formatMoney(Math.abs(e.counterAmount), e.counterCurrency)} ${e.counterCurrency.toUpperCase()} debited`;
}
