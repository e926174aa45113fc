import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { businesses, memberships, users, type Business } from "@/db/schema";
import type { BusinessScope } from "@/lib/actions/execute";
import { createBusiness } from "@/lib/businesses/provision";
import { seedDemoStripe } from "@/lib/demo/seed-stripe";
import type { SandboxProcess } from "@/testing/sandbox-process";
import type { PayoutDeps } from "@/lib/payouts/deps";

/** The demo seed verifies and funds (1,000.00 USDC) every business with the demo MX name. */
const FUNDED_NAME = "Comercial Aurora S.A. de C.V.";

export type Tenant = { business: Business; owner: BusinessScope; member: BusinessScope };

async function person(db: Db, business: Business, role: "owner" | "member", owner?: string): Promise<BusinessScope> {
  const businessId = business.id;
  const id =
    owner ??
    (
      await db
        .insert(users)
        .values({ email: `${role}-${randomUUID()}@payouts.test`, name: role, passwordHash: "x" })
        .returning()
    )[0]!.id;
  if (role === "member") await db.insert(memberships).values({ userId: id, businessId, role });
  return { actor: { userId: id, businessId, role }, business };
}

/** Two verified Mexican businesses with funded USDC wallets, each with an owner and a member. */
export async function fundedTenants(db: Db, sandbox: SandboxProcess): Promise<[Tenant, Tenant]> {
  const made: Business[] = [];
  for (let i = 0; i < 2; i++) {
    const [u] = await db
      .insert(users)
      .values({ email: `founder-${randomUUID()}@payouts.test`, name: "Founder", passwordHash: "x" })
      .returning();
    made.push(
      await createBusiness(
        db,
        { userId: u!.id, email: u!.email },
        { legalName: FUNDED_NAME, country: "MX", businessType: "company" },
      ),
    );
  }
  await seedDemoStripe(db, sandbox.stripe, () => {});
  const tenants: Tenant[] = [];
  for (const b of made) {
    const [business] = await db.select().from(businesses).where(eq(businesses.id, b.id));
    const [m] = await db.select().from(memberships).where(eq(memberships.businessId, b.id));
    tenants.push({
      business: business!,
      owner: await person(db, business!, "owner", m!.userId),
      member: await person(db, business!, "member"),
    });
  }
  return [tenants[0]!, tenants[1]!];
}

export function sandboxDeps(db: Db, sandbox: SandboxProcess): () => PayoutDeps {
  return () => ({ db, stripe: sandbox.stripe, sandboxControl: (path, body) => sandbox.control(path, body) });
}

export const token = () => `tok-${randomUUID()}`;
export const POLYGON = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
