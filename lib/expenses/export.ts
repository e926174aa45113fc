import "server-only";
import type { DbOrTx } from "@/db/connect";
import { exportMoneyMovements, type MovementRow } from "@/db/queries/export-rows";
import { exportTransactions, type ExportRow } from "@/db/queries/purchases";
import type { Business } from "@/db/schema";
import { can, type BusinessRole } from "@/lib/auth/permissions";
import { csvCell, csvLines, textCell } from "@/lib/csv";
import { formatDecimal } from "@/lib/money";
import { movementDescription, movementLabel } from "./movement-labels";
import { validateExportRange, type ExportFormat, type ExportRange } from "./export-range";

// What both formats carry after their own columns: bank-statement importers let you map or skip
// columns, so these ride along for the accountant without breaking the import.
const EXTRA = [
  "Type",
  "Category",
  "Memo",
  "Cardholder",
  "Card last 4",
  "Merchant",
  "Currency",
  "Receipt",
  "Transaction ID",
];

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

/** One line of the statement, whatever it came from. */
type Line = {
  id: string;
  createdAt: Date;
  amount: number;
  currency: string;
  type: string;
  description: string;
  payee: string;
  /** Xero's Description: the category and memo of a purchase, else the description. */
  detail: string;
  category: string;
  memo: string;
  cardholder: string;
  last4: string;
  merchant: string;
  receipt: string;
};

function purchaseLine(r: ExportRow, origin: string): Line {
  const merchant = r.merchantName ?? (r.type === "refund" ? "Card refund" : "Card purchase");
  const description = r.type === "refund" ? `Refund: ${merchant}` : merchant;
  return {
    id: r.id,
    createdAt: r.createdAt,
    amount: r.amount,
    currency: r.currency,
    type: r.type === "refund" ? "Refund" : "Purchase",
    description,
    payee: merchant,
    detail: [r.category, r.memo].filter(Boolean).join(" — ") || description,
    category: r.category ?? "",
    memo: r.memo ?? "",
    cardholder: r.cardholderName ?? "",
    last4: r.last4 ?? "",
    merchant: r.merchantName ?? "",
    receipt: r.authorizationId ? `${origin}/purchases/${r.authorizationId}` : "",
  };
}

function movementLine(m: MovementRow): Line {
  const description = movementDescription(m);
  return {
    id: m.id,
    createdAt: m.createdAt,
    amount: m.amount,
    currency: m.currency,
    type: movementLabel(m).type,
    description,
    payee: m.description?.trim() || movementLabel(m).label,
    detail: description,
    category: "",
    memo: "",
    cardholder: "",
    last4: "",
    merchant: "",
    receipt: "",
  };
}

// Oldest first, ties by id in code-unit order (not the database's collation), so the merge of the
// two lists is the same every time.
const byTimeThenId = (a: Line, b: Line) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The export as CSV text: one line per capture (negative), refund (positive) and money movement
 * (fundings and returns positive, payouts negative), amounts as plain decimals in the currency's
 * major units. Nothing in it depends on when it was made.
 */
export function accountingCsv(
  { purchases, movements = [] }: { purchases: readonly ExportRow[]; movements?: readonly MovementRow[] },
  { format, country, origin }: { format: ExportFormat; country: string; origin: string },
): string {
  const all = [...purchases.map((r) => purchaseLine(r, origin)), ...movements.map(movementLine)].sort(byTimeThenId);
  const lines = all.map((l) => {
    const date = csvCell(formatDay(l.createdAt, country));
    const amount = csvCell(formatDecimal(l.amount, l.currency));
    const extra = [
      csvCell(l.type),
      textCell(l.category),
      textCell(l.memo),
      textCell(l.cardholder),
      csvCell(l.last4),
      textCell(l.merchant),
      csvCell(l.currency.toUpperCase()),
      csvCell(l.receipt),
      csvCell(l.id),
    ];
    return format === "quickbooks"
      ? [date, textCell(l.description), amount, ...extra]
      : [date, amount, textCell(l.payee), textCell(l.detail), csvCell(l.id), ...extra];
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
  const { business } = viewer;
  const period = { start: checked.start, end: checked.end };
  const purchases = business.stripeAccountId
    ? await exportTransactions(db, { businessId: business.id, accountId: business.stripeAccountId, ...period })
    : [];
  const movements = await exportMoneyMovements(db, { business, ...period });
  const csv = accountingCsv({ purchases, movements }, { format: checked.format, country: business.country, origin });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(checked.format, checked.range)}"`,
      "cache-control": "private, no-store",
    },
  });
}
