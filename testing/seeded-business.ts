import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { businesses, users, type Business } from "@/db/schema";
import { createBusiness } from "@/lib/businesses/provision";
import { seedDemoStripe } from "@/lib/demo/seed-stripe";

// Businesses as the app leaves them, on the sandbox: the only Stripe double the tests use.

/** The demo seed verifies and funds every business with these names (1,000.00 USDC; 25,000.00 USD; 5,000.00 GBP). */
export const SEEDED_NAME = {
  MX: "Comercial Aurora S.A. de C.V.",
  US: "Acme Supplies Inc.",
  GB: "Brightside Supplies Ltd",
} as const;
type SeededCountry = keyof typeof SEEDED_NAME;

/** A founder and the business they signed up, before any Stripe account (what the sign-up form leaves). */
export async function newBusiness(
  db: Db,
  country: SeededCountry,
  legalName = `${country} ${randomUUID().slice(0, 8)}`,
): Promise<{ business: Business; ownerId: string }> {
  const [u] = await db
    .insert(users)
    .values({ email: `founder-${randomUUID()}@example.test`, name: "Founder", passwordHash: "x" })
    .returning();
  const business = await createBusiness(
    db,
    { userId: u!.id, email: u!.email },
    { legalName, country, businessType: "company" },
  );
  return { business, ownerId: u!.id };
}

/**
 * Verified businesses with funded financial accounts, one per country named, through the demo
 * seed's path (the platform's v2 account is credited on the way, so it can fund businesses too).
 */
export type SeededBusiness = { business: Business; ownerId: string };

export async function seededBusinesses<const C extends ReadonlyArray<SeededCountry>>(
  db: Db,
  stripe: Stripe,
  countries: C,
): Promise<{ -readonly [K in keyof C]: SeededBusiness }> {
  const made = [];
  for (const country of countries) made.push(await newBusiness(db, country, SEEDED_NAME[country]));
  await seedDemoStripe(db, stripe, () => {});
  const ids = made.map((m) => m.business.id);
  const rows = await db.select().from(businesses).where(inArray(businesses.id, ids));
  return made.map((m) => ({ business: rows.find((r) => r.id === m.business.id)!, ownerId: m.ownerId })) as {
    -readonly [K in keyof C]: SeededBusiness;
  };
}
