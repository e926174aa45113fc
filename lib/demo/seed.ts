import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { appMeta, businesses, memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { fundingModelFor } from "@/lib/funding-model";

export const DEMO_PASSWORD = "sandbox-demo";

export const DEMO_SIGN_INS = [
  { email: "admin@platform.test", name: "Pat Platform", role: "platform admin" },
  { email: "owner@us.test", name: "Uma Owner", role: "owner of Acme Supplies Inc. (US, Treasury)" },
  { email: "owner@mx.test", name: "Mateo Dueño", role: "owner of Comercial Aurora S.A. de C.V. (MX, USDC)" },
] as const;

const DEMO_BUSINESSES = [
  { owner: "owner@us.test", legalName: "Acme Supplies Inc.", country: "US" },
  { owner: "owner@mx.test", legalName: "Comercial Aurora S.A. de C.V.", country: "MX" },
] as const;

const SEEDED_KEY = "demo_seeded";

/** Seeds the demo users and businesses once; later calls do nothing. Sandbox mode only. */
export async function seedDemoData(db: Db): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    const [done] = await tx.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY)).limit(1);
    if (done) return { seeded: false };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const person of DEMO_SIGN_INS) {
      await tx
        .insert(users)
        .values({
          email: person.email,
          name: person.name,
          passwordHash,
          platformRole: person.email === "admin@platform.test" ? "platform_admin" : null,
        })
        .onConflictDoNothing();
    }
    for (const demo of DEMO_BUSINESSES) {
      const [owner] = await tx.select().from(users).where(eq(users.email, demo.owner)).limit(1);
      if (!owner) continue;
      const [business] = await tx
        .insert(businesses)
        .values({
          legalName: demo.legalName,
          country: demo.country,
          businessType: "company",
          contactEmail: demo.owner,
          fundingModel: fundingModelFor(demo.country) ?? "treasury",
        })
        .returning();
      if (business)
        await tx
          .insert(memberships)
          .values({ userId: owner.id, businessId: business.id, role: "owner" })
          .onConflictDoNothing();
    }
    await tx.insert(appMeta).values({ key: SEEDED_KEY, value: { at: new Date().toISOString() } });
    return { seeded: true };
  });
}
