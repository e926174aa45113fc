import { z } from "zod";

export const REVIEW_STATUSES = ["to_review", "approved", "flagged"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_LABELS: Record<ReviewStatus, string> = {
  to_review: "To review",
  approved: "Approved",
  flagged: "Flagged",
};

const CURSOR = /^(\d{1,12})\.(iauth_[A-Za-z0-9_]{1,64})$/;
/** Where a page starts: after this purchase (newest first; Stripe's whole-second times, ties by id). */
export type PurchaseCursor = { createdAt: Date; id: string };

export const cursorText = (c: PurchaseCursor) => `${Math.floor(c.createdAt.getTime() / 1000)}.${c.id}`;

/** Filters arrive from the URL as strings; anything malformed is ignored rather than an error page. */
export const purchaseFilterSchema = z.object({
  category: z
    .union([z.uuid(), z.literal("none")])
    .optional()
    .catch(undefined),
  review: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  cardholder: z
    .string()
    .regex(/^ich_[A-Za-z0-9_]{1,64}$/)
    .optional()
    .catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v): PurchaseCursor | undefined => {
      const m = v ? CURSOR.exec(v) : null;
      return m ? { createdAt: new Date(Number(m[1]) * 1000), id: m[2]! } : undefined;
    }),
});
export type PurchaseFilter = z.output<typeof purchaseFilterSchema>;

/** The filter as URL query (without the cursor), to build page links that keep it. */
export function filterQuery(f: PurchaseFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["category", "review", "q", "cardholder", "from", "to"] as const) {
    const v = f[key];
    if (v) params.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}
