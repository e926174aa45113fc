import type { Db } from "@/db/connect";
import { hasAppMeta, insertAppMeta } from "@/db/queries/app-meta";
import { insertBusiness } from "@/db/queries/businesses";
import { addMembership } from "@/db/queries/memberships";
import { createUser, getUserByEmail } from "@/db/queries/users";
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
    if (await hasAppMeta(tx, { key: SEEDED_KEY })) return { seeded: false };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const person of DEMO_SIGN_INS) {
      await createUser(tx, {
        email: person.email,
        name: person.name,
        passwordHash,
        platformRole: person.email === "admin@platform.test" ? "platform_admin" : null,
      });
    }
    for (const demo of DEMO_BUSINESSES) {
      const owner = await getUserByEmail(tx, { email: demo.owner });
      if (!owner) continue;
      const business = await insertBusiness(tx, {
        legalName: demo.legalName,
        country: demo.country,
        businessType: "company",
        contactEmail: demo.owner,
        fundingModel: fundingModelFor(demo.country) ?? "treasury",
      });
      await addMembership(tx, { businessId: business.id, userId: owner.id, role: "owner" });
    }
    await insertAppMeta(tx, { key: SEEDED_KEY, value: { at: new Date().toISOString() } });
    return { seeded: true };
  });
}
