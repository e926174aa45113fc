import "server-only";
import type { DbOrTx } from "@/db/connect";
import { exportTransactions, type ExportRow } from "@/db/queries/purchases";
import type { Business } from "@/db/schema";
import { can, type BusinessRole } from "@/lib/auth/permissions";
import { csvCell, csvLines, textCell } from "@/lib/csv";
import { formatDecimal } from "@/lib/money";
import { validateExportRange, type ExportFormat, type ExportRange } from "./export-range";

// What both formats carry after their own columns: bank-statement importers let you map or skip
// columns, so these ride along for the accountant without breaking the import.
const EXTRA = ["Category", "Memo", "Cardholder", "Card last 4", "Merchant", "Currency", "Receipt", "Transaction ID"];

/**
 * QuickBooks Online's 3-column bank-statement CSV: Date, Description, Amount, money out negative
 * ("Format CSV files in Excel to get bank transactions into QuickBooks",
 * https://quickbooks.intuit.com/learn-support/en-us/help-article/bank-transactions/format-csv-files-excel-get-bank-transactions/L2X5RZGBz_US_en_US).
 * Xero's precoded bank statement CSV starts Date, Amount, Payee, Description, Reference
 * ("Import a bank statement", https://central.xero.com/s/article/Import-a-bank-statement).
 */
const HEADERS: Record<ExportFormat, string[]> = {
  quickbooks: ["Date", "Description", "Amount", ...EXTRA],
  xero: ["Date", "Amount", "Payee", "Description", "Reference", ...EXTRA],
};

/** Both importers read the day in the company's own order: month first in the US, day first elsewhere. */
function formatDay(d: Date, country: string): string {
  const [y, m, day] = d.toISOString().slice(0, 10).split("-");
  return country === "US" ? `${m}/${day}/${y}` : `${day}/${m}/${y}`;
}

const merchantOf = (r: ExportRow) => r.merchantName ?? (r.type === "refund" ? "Card refund" : "Card purchase");

/**
 * The export as CSV text: one line per capture (negative) and refund (positive), amounts as plain
 * decimals in the currency's major units. Nothing in it depends on when it was made.
 */
export function accountingCsv(
  rows: readonly ExportRow[],
  { format, country, origin }: { format: ExportFormat; country: string; origin: string },
): string {
  const lines = rows.map((r) => {
    const date = csvCell(formatDay(r.createdAt, country));
    const amount = csvCell(formatDecimal(r.amount, r.currency));
    const merchant = merchantOf(r);
    const description = r.type === "refund" ? `Refund: ${merchant}` : merchant;
    const detail = [r.category, r.memo].filter(Boolean).join(" — ");
    const extra = [
      textCell(r.category ?? ""),
      textCell(r.memo ?? ""),
      textCell(r.cardholderName ?? ""),
      csvCell(r.last4 ?? ""),
      textCell(r.merchantName ?? ""),
      csvCell(r.currency.toUpperCase()),
      csvCell(r.authorizationId ? `${origin}/purchases/${r.authorizationId}` : ""),
      csvCell(r.id),
    ];
    return format === "quickbooks"
      ? [date, textCell(description), amount, ...extra]
      : [date, amount, textCell(merchant), textCell(detail || description), csvCell(r.id), ...extra];
  });
  return csvLines([HEADERS[format], ...lines]);
}

export const exportFileName = (format: ExportFormat, range: ExportRange) =>
  `purchases-${format}-${range.from}-to-${range.to}.csv`;

/**
 * The CSV behind `/purchases/export`: the business comes from the caller's membership, never from
 * the query, which only carries the format and period. A bad period sends the form back (303) to
 * show its errors, with no file.
 */
export async function purchasesExportResponse(
  db: DbOrTx,
  viewer: { business: Business; role: BusinessRole } | null,
  params: URLSearchParams,
  { origin, now = new Date() }: { origin: string; now?: Date },
): Promise<Response> {
  if (!viewer) return new Response("Sign in to export your purchases", { status: 401 });
  if (!can(viewer.role, "expenses.export"))
    return new Response("You don't have permission to do that", { status: 403 });
  const checked = validateExportRange(
    { month: params.get("month"), from: params.get("from"), to: params.get("to"), format: params.get("format") },
    now,
  );
  if (!checked.ok) {
    const back = new URLSearchParams({ export: "1" });
    for (const key of ["format", "from", "to", "month"]) {
      const v = params.get(key);
      if (v) back.set(`export_${key}`, v.slice(0, 20));
    }
    return new Response(null, { status: 303, headers: { location: `/purchases?${back}#export` } });
  }
  const accountId = viewer.business.stripeAccountId;
  const rows = accountId
    ? await exportTransactions(db, {
        businessId: viewer.business.id,
        accountId,
        start: checked.start,
        end: checked.end,
      })
    : [];
  const csv = accountingCsv(rows, { format: checked.format, country: viewer.business.country, origin });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(checked.format, checked.range)}"`,
      "cache-control": "private, no-store",
    },
  });
}
