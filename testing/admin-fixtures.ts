import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { businesses, users, type Business } from "@/db/schema";
import type { BusinessScope, PlatformScope } from "@/lib/actions/execute";
import { RulesCache } from "@/lib/rules/rules-store";
import type { AdminDeps } from "@/lib/admin/deps";

// Shared by the admin tests: people, businesses and a Stripe double that records every call.

export type StripeCall = { method: string; path: string; body?: unknown; idempotencyKey?: string; account?: string };

/**
 * A minimal Stripe stand-in for the calls the admin cores make. Like Stripe, it answers a
 * repeated idempotency key with the first answer and does the work once.
 */
export function fakeStripe(handlers: Record<string, (body: unknown, call: StripeCall) => unknown> = {}) {
  const calls: StripeCall[] = [];
  const seen = new Map<string, unknown>();
  const handle = (call: StripeCall) => {
    if (call.idempotencyKey && seen.has(call.idempotencyKey)) return seen.get(call.idempotencyKey);
    calls.push(call);
    const h =
      handlers[`${call.method} ${call.path}`] ??
      handlers[`${call.method} ${call.path.split("/").slice(0, 4).join("/")}`];
    if (!h) throw new Error(`unexpected Stripe call ${call.method} ${call.path}`);
    const out = h(call.body, call);
    if (call.idempotencyKey) seen.set(call.idempotencyKey, out);
    return out;
  };
  const stripe = {
    rawRequest: async (
      method: string,
      path: string,
      body?: unknown,
      opts?: { idempotencyKey?: string; stripeContext?: string },
    ) => handle({ method, path, body, idempotencyKey: opts?.idempotencyKey, account: opts?.stripeContext }),
    treasury: {
      financialAccounts: {
        list: async () => handle({ method: "GET", path: "/v1/treasury/financial_accounts" }),
        retrieve: async (id: string, _p: unknown, o?: { stripeAccount?: string }) =>
          handle({ method: "GET", path: `/v1/treasury/financial_accounts/${id}`, account: o?.stripeAccount }),
      },
      outboundPayments: {
        create: async (body: unknown, o?: { idempotencyKey?: string }) =>
          handle({ method: "POST", path: "/v1/treasury/outbound_payments", body, idempotencyKey: o?.idempotencyKey }),
      },
    },
  } as unknown as Stripe;
  return { stripe, calls };
}

export function testDeps(db: Db, stripe: Stripe = fakeStripe().stripe): AdminDeps {
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
    admin: { actor: { userId: admin.id, role: "platform_admin", businessId: null } },
    owner: { actor: { userId: owner.id, role: "owner", businessId: business.id }, business },
  };
}
