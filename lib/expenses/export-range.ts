/** The accounting export's period: whole UTC days, `from` and `to` inclusive. */
export type ExportRange = { from: string; to: string };
export const EXPORT_FORMATS = ["quickbooks", "xero"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day (2026-02-30 is not), as its UTC midnight. */
export function parseDay(text: string): Date | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

const dayText = (d: Date) => d.toISOString().slice(0, 10);

/** The first and last day of a month (`2026-11`). */
export function monthRange(month: string): ExportRange | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const first = m ? parseDay(`${m[1]}-${m[2]}-01`) : null;
  if (!first) return null;
  const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  return { from: dayText(first), to: dayText(new Date(next.getTime() - DAY_MS)) };
}

/** This month so far: the export form's default. */
export function currentMonthSoFar(now: Date): ExportRange {
  return { from: `${dayText(now).slice(0, 8)}01`, to: dayText(now) };
}

export type RangeResult =
  | { ok: true; range: ExportRange; start: Date; end: Date; format: ExportFormat }
  | { ok: false; fields: Record<string, string> };

/**
 * Checks an export request: a `month`, or `from` and `to`, real days with from ≤ to, no later than
 * today, and at most 12 months long. `end` is the exclusive end (the day after `to`).
 */
export function validateExportRange(
  params: { month?: string | null; from?: string | null; to?: string | null; format?: string | null },
  now: Date,
): RangeResult {
  const fields: Record<string, string> = {};
  const format = EXPORT_FORMATS.find((f) => f === params.format);
  if (!format) fields.format = "Choose QuickBooks or Xero";
  let from = params.from ?? "";
  let to = params.to ?? "";
  if (params.month) {
    const month = monthRange(params.month);
    if (!month) return { ok: false, fields: { ...fields, month: "Enter a month like 2026-11" } };
    from = month.from;
    // The current month runs to today.
    to = month.to > dayText(now) ? dayText(now) : month.to;
  }
  const start = parseDay(from);
  const last = parseDay(to);
  if (!start) fields.from = from ? "That day doesn't exist: use a date like 2026-11-01" : "Enter the first day";
  if (!last) fields.to = to ? "That day doesn't exist: use a date like 2026-11-30" : "Enter the last day";
  const today = parseDay(dayText(now))!;
  if (start && last) {
    const limit = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 12, start.getUTCDate()));
    if (start > last) fields.to = "The last day must be on or after the first day";
    else if (last > today) fields.to = "The last day can't be after today";
    else if (last >= limit) fields.to = "Export at most 12 months at a time";
  } else if (start && start > today) fields.from = "The first day can't be after today";
  if (Object.keys(fields).length > 0 || !start || !last || !format) return { ok: false, fields };
  return { ok: true, range: { from, to }, start, end: new Date(last.getTime() + DAY_MS), format };
}
