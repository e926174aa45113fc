import { z } from "zod";

/** The accounts table's query string, parsed once (page, bench and tests share it). */
export const SORTS = ["name", "created", "deadline", "country"] as const;
export const REVIEW_FILTERS = ["needs_review", "restricted"] as const;
export const FUNDING_MODELS = ["treasury", "stablecoin", "issuing_balance"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((s) => s?.trim() || undefined)
    .catch(undefined);

export const accountFiltersSchema = z.object({
  q: optionalText(200),
  status: z.enum(REVIEW_FILTERS).optional().catch(undefined),
  funding: z.enum(FUNDING_MODELS).optional().catch(undefined),
  country: optionalText(2).transform((c) => (c && /^[A-Za-z]{2}$/.test(c) ? c.toUpperCase() : undefined)),
  sort: z.enum(SORTS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AccountFilters = z.output<typeof accountFiltersSchema>;

/** Next.js search params (string | string[] | undefined) → filters; junk falls back to defaults. */
export function parseAccountFilters(params: Record<string, string | string[] | undefined>): AccountFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return accountFiltersSchema.parse(flat);
}

/** The query string for the same filters with some changed (links for sorting and paging). */
export function filtersHref(f: AccountFilters, change: Partial<AccountFilters>): string {
  const next = { ...f, ...change };
  const qs = new URLSearchParams();
  if (next.q) qs.set("q", next.q);
  if (next.status) qs.set("status", next.status);
  if (next.funding) qs.set("funding", next.funding);
  if (next.country) qs.set("country", next.country);
  if (next.sort !== "name") qs.set("sort", next.sort);
  if (next.dir !== "asc") qs.set("dir", next.dir);
  if (next.page > 1) qs.set("page", String(next.page));
  const s = qs.toString();
  return s ? `/admin/accounts?${s}` : "/admin/accounts";
}
