import type { Db } from "@/db/connect";
import { businessesNamed, insertBusiness } from "@/db/queries/businesses";
import { addMembership, membershipsOf } from "@/db/queries/memberships";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { fundingModelFor } from "@/lib/funding-model";

export const DEMO_PASSWORD = "sandbox-demo";

export const DEMO_SIGN_INS = [
  { email: "admin@platform.test", name: "Pat Platform", role: "platform admin" },
  { email: "owner@us.test", name: "Uma Owner", role: "owner of Acme Supplies Inc. (US, Treasury)" },
  { email: "owner@mx.test", name: "Mateo Dueño", role: "owner of Comercial Aurora S.A. de C.V. (MX, USDC)" },
  { email: "owner@uk.test", name: "Olivia Owner", role: "owner of Brightside Supplies Ltd (UK, Issuing balance)" },
  // Joins Acme as a cardholder once Acme's account exists (lib/demo/seed-cardholder.ts).
  {
    email: "cardholder@us.test",
    name: "Chloe Cardholder",
    role: "cardholder at Acme Supplies Inc. (US): sees only her cards",
  },
  {
    email: "admin@us.test",
    name: "Avery Admin",
    role: "admin at Acme Supplies Inc. (US) and Brightside Supplies Ltd (UK): switches between them",
  },
  { email: "member@us.test", name: "Milo Member", role: "member at Acme Supplies Inc. (US): asks for cards" },
] as const;

/** Acme's team beyond its owner and cardholder, one person in each other role; its admin also helps Brightside (the switcher). */
const DEMO_TEAM = [
  { email: "admin@us.test", business: "Acme Supplies Inc.", role: "admin" },
  { email: "admin@us.test", business: "Brightside Supplies Ltd", role: "admin" },
  { email: "member@us.test", business: "Acme Supplies Inc.", role: "member" },
] as const;

const DEMO_BUSINESSES = [
  { owner: "owner@us.test", legalName: "Acme Supplies Inc.", country: "US" },
  { owner: "owner@mx.test", legalName: "Comercial Aurora S.A. de C.V.", country: "MX" },
  { owner: "owner@uk.test", legalName: "Brightside Supplies Ltd", country: "GB" },
] as const;

export const DEMO_BUSINESS_NAMES: string[] = DEMO_BUSINESSES.map((b) => b.legalName);

/**
 * Seeds the demo users and businesses that are missing (so a demo added later reaches an existing
 * install); a second call adds nothing. Sandbox mode only.
 */
export async function seedDemoData(db: Db): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    let seeded = false;
    let passwordHash: string | null = null;
    for (const person of DEMO_SIGN_INS) {
      if (await getUserByEmail(tx, { email: person.email })) continue;
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      await createUser(tx, {
        email: person.email,
        name: person.name,
        passwordHash,
        platformRole: person.email === "admin@platform.test" ? "platform_admin" : null,
      });
      seeded = true;
    }
    for (const demo of DEMO_BUSINESSES) {
      const owner = await getUserByEmail(tx, { email: demo.owner });
      if (!owner) continue;
      if ((await membershipsOf(tx, { userId: owner.id })).some((m) => m.business.legalName === demo.legalName))
        continue;
      const business = await insertBusiness(tx, {
        legalName: demo.legalName,
        country: demo.country,
        businessType: "company",
        contactEmail: demo.owner,
        fundingModel: fundingModelFor(demo.country) ?? "treasury",
      });
      await addMembership(tx, { businessId: business.id, userId: owner.id, role: "owner" });
      seeded = true;
    }
    for (const person of DEMO_TEAM) {
      const user = await getUserByEmail(tx, { email: person.email });
      const [business] = await businessesNamed(tx, { legalNames: [person.business] });
      if (!user || !business) continue;
      if ((await membershipsOf(tx, { userId: user.id })).some((m) => m.business.id === business.id)) continue;
      await addMembership(tx, { businessId: business.id, userId: user.id, role: person.role });
      seeded = true;
    }
    return { seeded };
  });
}
