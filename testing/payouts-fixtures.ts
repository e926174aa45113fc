import { randomUUID } from "node:crypto";
import type { Db } from "@/db/connect";
import { memberships, users, type Business } from "@/db/schema";
import type { BusinessScope } from "@/lib/actions/execute";
import type { SandboxProcess } from "@/testing/sandbox-process";
import { seededBusinesses, type SeededBusiness } from "@/testing/seeded-business";
import type { PayoutDeps } from "@/lib/payouts/deps";

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
  return { actor: { userId: id, businessId, role, provenAt: new Date() }, business };
}

/** Two verified Mexican businesses with funded USDC wallets (1,000.00 USDC each), each with an owner and a member. */
export async function fundedTenants(db: Db, sandbox: SandboxProcess): Promise<[Tenant, Tenant]> {
  const made = await seededBusinesses(db, sandbox.stripe, ["MX", "MX"]);
  const tenant = async ({ business, ownerId }: SeededBusiness): Promise<Tenant> => ({
    business,
    owner: await person(db, business, "owner", ownerId),
    member: await person(db, business, "member"),
  });
  return [await tenant(made[0]), await tenant(made[1])];
}

export function sandboxDeps(db: Db, sandbox: SandboxProcess): () => PayoutDeps {
  return () => ({ db, stripe: sandbox.stripe, sandboxControl: (path, body) => sandbox.control(path, body) });
}

export const token = () => `tok-${randomUUID()}`;
export const POLYGON = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
