import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { getCategory } from "@/db/queries/expense-categories";
import { authorizations, purchaseNotes, type Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { REVIEW_STATUSES, type ReviewStatus } from "./filters";

export const MEMO_MAX = 500;
const purchaseId = z.string().regex(/^iauth_[A-Za-z0-9_]{1,64}$/, "Choose a purchase");

export const noteSchema = z.object({
  purchase: purchaseId,
  /** Empty: no category (the suggestion shows again). */
  category: z.union([z.uuid(), z.literal("")], { error: "Choose a category" }).default(""),
  memo: z
    .string()
    .default("")
    .transform((s) => s.trim())
    .pipe(z.string().max(MEMO_MAX, `Keep the memo to ${MEMO_MAX} characters`)),
});
export const reviewSchema = z.object({
  /** One purchase, or several (approve selected). */
  /** The same purchase twice (a repeated form field) is reviewed once: one upsert can't touch a row twice. */
  purchase: z
    .union([purchaseId, z.array(purchaseId).min(1).max(100)])
    .transform((p) => [...new Set(Array.isArray(p) ? p : [p])]),
  status: z.enum(REVIEW_STATUSES, { error: "Choose a review status" }),
});

/**
 * Whether the purchases are the business's (another business's looks missing) and, with
 * `cardholderId`, made on that cardholder's cards.
 */
async function ownsPurchases(
  db: DbOrTx,
  business: Business,
  ids: readonly string[],
  cardholderId?: string,
): Promise<boolean> {
  if (!business.stripeAccountId) return false;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(authorizations)
    .where(
      and(
        eq(authorizations.accountId, business.stripeAccountId),
        inArray(authorizations.id, [...ids]),
        cardholderId === undefined ? undefined : eq(authorizations.cardholderId, cardholderId),
      ),
    );
  return (row?.n ?? 0) === new Set(ids).size;
}

/**
 * Files a purchase under a category (one of the business's active ones) with a memo. With
 * `cardholderId` (a cardholder coding their own purchase), only a purchase on their cards.
 */
export async function setPurchaseNote(
  db: DbOrTx,
  business: Business,
  input: z.output<typeof noteSchema>,
  { cardholderId }: { cardholderId?: string } = {},
): Promise<ActionResult<{ purchase: string }>> {
  if (!(await ownsPurchases(db, business, [input.purchase], cardholderId)))
    return fail("not_found", undefined, "That purchase could not be found");
  const categoryId = input.category || null;
  if (categoryId) {
    const category = await getCategory(db, { businessId: business.id, categoryId });
    if (!category || category.archived) return fail("validation_failed", { category: "Choose one of your categories" });
  }
  const memo = input.memo || null;
  await db
    .insert(purchaseNotes)
    .values({ businessId: business.id, authorizationId: input.purchase, categoryId, memo })
    .onConflictDoUpdate({
      target: [purchaseNotes.businessId, purchaseNotes.authorizationId],
      set: { categoryId, memo, updatedAt: new Date() },
    });
  return ok({ purchase: input.purchase });
}

/** Marks purchases approved, flagged or back to review, recording who did it. */
export async function setReview(
  db: DbOrTx,
  business: Business,
  userId: string,
  input: { purchase: string[]; status: ReviewStatus },
): Promise<ActionResult<{ purchases: string[]; status: ReviewStatus }>> {
  if (!(await ownsPurchases(db, business, input.purchase)))
    return fail("not_found", undefined, "That purchase could not be found");
  const now = new Date();
  const reviewed =
    input.status === "to_review" ? { reviewedBy: null, reviewedAt: null } : { reviewedBy: userId, reviewedAt: now };
  await db
    .insert(purchaseNotes)
    .values(
      input.purchase.map((id) => ({
        businessId: business.id,
        authorizationId: id,
        reviewStatus: input.status,
        ...reviewed,
      })),
    )
    .onConflictDoUpdate({
      target: [purchaseNotes.businessId, purchaseNotes.authorizationId],
      set: { reviewStatus: input.status, ...reviewed, updatedAt: now },
    });
  return ok({ purchases: input.purchase, status: input.status });
}
