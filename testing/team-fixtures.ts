import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/connect";
import { businesses, memberships, users, type Business, type MembershipRole } from "@/db/schema";
import type { BusinessScope } from "@/lib/actions/execute";

/** Test data for the team tests: unique emails so tests can share one database. */
export async function makeUser(db: DbOrTx, label: string, opts: { platformRole?: "platform_admin" } = {}) {
  const email = `${label}-${randomBytes(4).toString("hex")}@team.test`;
  const [user] = await db
    .insert(users)
    .values({ email, name: label, passwordHash: "x", platformRole: opts.platformRole ?? null })
    .returning();
  return user!;
}

export async function makeBusiness(db: DbOrTx, legalName: string) {
  const [business] = await db
    .insert(businesses)
    .values({ legalName, country: "US", businessType: "company", fundingModel: "treasury" })
    .returning();
  const owner = await makeUser(db, `owner-${legalName.toLowerCase().replace(/\W+/g, "-")}`);
  const [membership] = await db
    .insert(memberships)
    .values({ userId: owner.id, businessId: business!.id, role: "owner" })
    .returning();
  return { business: business!, owner, ownerMembership: membership! };
}

export async function addMember(db: DbOrTx, businessId: string, role: MembershipRole, label: string = role) {
  const user = await makeUser(db, label);
  const [membership] = await db.insert(memberships).values({ userId: user.id, businessId, role }).returning();
  return { user, membership: membership! };
}

/** What the session wrapper builds for a member: the actor and the business row. */
export function actorOf(userId: string, business: Business, role: MembershipRole): BusinessScope {
  return { actor: { userId, businessId: business.id, role, provenAt: new Date() }, business };
}
