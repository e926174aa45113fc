import type { Db } from "@/db/connect";
import { businesses } from "@/db/schema";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { savePlatformRules, type RulesCache } from "@/lib/rules/rules-store";

/**
 * What a real-time decision benchmark needs in the database: the business of the connected account
 * the requests name, and a realistic platform rule set — a blocked category, a maximum and a
 * velocity limit (a query per decision) high enough never to decline.
 */
export async function seedRtaBusiness(db: Db, rules: RulesCache, account: string): Promise<void> {
  await db.insert(businesses).values({
    legalName: "Bench",
    country: "US",
    businessType: "company",
    fundingModel: "issuing_balance",
    stripeAccountId: account,
  });
  await savePlatformRules(
    db,
    { ...EMPTY_RULES, blockedCategories: ["betting_casino_gambling"], maxAmount: 1_000_000, velocityPerHour: 100_000 },
    null,
    rules,
  );
}
