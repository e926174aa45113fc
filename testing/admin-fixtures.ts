import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { businesses, users, type Business } from "@/db/schema";
import type { BusinessScope, PlatformScope } from "@/lib/actions/execute";
import { RulesCache } from "@/lib/rules/rules-store";
import type { AdminDeps } from "@/lib/admin/deps";
import { unreachableStripe } from "@/testing/stripe-clients";

// Shared by the admin tests: people, businesses (rows only: `seededBusinesses` makes them on the sandbox) and deps.

/** The admin cores' dependencies; without a `stripe` (the sandbox's client), one that reaches nothing. */
export function testDeps(db: Db, stripe: Stripe = unreachableStripe()): AdminDeps {
  return { db, stripe, rules: new RulesCache(0), origin: async () => "http://localhost:3000", mode: "sandbox" };
}

let n = 0;
export async function makeUser(db: Db, platformAdmin: boolean) {
  const [u] = await db
    .insert(users)
    .values({
      email: `user${++n}-${Date.now()}@example.test`,
      name: "Test",
      passwordHash: "x",
      platformRole: platformAdmin ? "platform_admin" : null,
    })
    .returning();
  return u!;
}

export async function makeBusiness(db: Db, over: Partial<typeof businesses.$inferInsert> = {}): Promise<Business> {
  const [b] = await db
    .insert(businesses)
    .values({
      legalName: `Business ${++n}`,
      country: "MX",
      businessType: "company",
      fundingModel: "stablecoin",
      stripeAccountId: `acct_test_${n}_${Date.now()}`,
      financialAccountId: `fa_test_${n}`,
      ...over,
    })
    .returning();
  return b!;
}

/** A platform admin and the owner of `business`, as the session wrappers build them. */
export async function actors(db: Db, business: Business): Promise<{ admin: PlatformScope; owner: BusinessScope }> {
  const admin = await makeUser(db, true);
  const owner = await makeUser(db, false);
  return {
    admin: { actor: { userId: admin.id, role: "platform_admin", businessId: null, provenAt: new Date() } },
    owner: { actor: { userId: owner.id, role: "owner", businessId: business.id, provenAt: new Date() }, business },
  };
}
