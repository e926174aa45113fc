import { count, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, type Business } from "@/db/schema";

/** The business, or undefined when there is none with that id. */
export async function getBusiness(db: DbOrTx, { businessId }: { businessId: string }): Promise<Business | undefined> {
  const [b] = await db.select().from(businesses).where(eq(businesses.id, businessId)).limit(1);
  return b;
}

/** Every business that has a connected account. */
export function businessesWithAccounts(db: DbOrTx): Promise<Business[]> {
  return db.select().from(businesses).where(isNotNull(businesses.stripeAccountId));
}

export async function countBusinesses(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(businesses);
  return row?.n ?? 0;
}

/** The business whose connected account this is, or undefined (an account the app did not open). */
export async function getBusinessByAccount(
  db: DbOrTx,
  { accountId }: { accountId: string },
): Promise<Business | undefined> {
  const [b] = await db.select().from(businesses).where(eq(businesses.stripeAccountId, accountId)).limit(1);
  return b;
}

export type NewBusiness = Pick<Business, "legalName" | "country" | "businessType" | "fundingModel" | "contactEmail">;

export async function insertBusiness(db: DbOrTx, business: NewBusiness): Promise<Business> {
  const [row] = await db.insert(businesses).values(business).returning();
  if (!row) throw new Error("business insert returned nothing");
  return row;
}

/** Stores the ids Stripe gave the business (its connected account, then its financial account). */
export async function setBusinessStripeIds(
  db: DbOrTx,
  { businessId }: { businessId: string },
  ids: { stripeAccountId: string } | { financialAccountId: string },
): Promise<void> {
  await db.update(businesses).set(ids).where(eq(businesses.id, businessId));
}

/** The businesses with these legal names (the demo's). */
export function businessesNamed(db: DbOrTx, { legalNames }: { legalNames: string[] }): Promise<Business[]> {
  return db.select().from(businesses).where(inArray(businesses.legalName, legalNames));
}
