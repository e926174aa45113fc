import { and, asc, count, desc, eq, gte, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import {
  authorizations,
  businesses,
  cards,
  connectedAccounts,
  financialAccounts,
  type FundingModel,
} from "@/db/schema";

export type Balances = Record<string, number>;

export const ACCOUNTS_PAGE_SIZE = 25;

/** What the admin accounts table can ask for (lib/admin/account-filters parses it from the query string). */
export type AccountsQuery = {
  q?: string;
  status?: "needs_review" | "restricted";
  funding?: FundingModel;
  country?: string;
  sort: "name" | "created" | "deadline" | "country";
  dir: "asc" | "desc";
  page: number;
};

/** One row of the admin accounts table as stored; lib/admin/accounts.ts derives its state. */
export type AdminAccountRecord = {
  businessId: string;
  name: string;
  email: string | null;
  country: string;
  fundingModel: string;
  accountId: string | null;
  createdAt: Date;
  capabilities: Record<string, string>;
  requirementsDue: string[];
  requirementsPastDue: string[];
  disabledReason: string | null;
  requirementsDeadline: Date | null;
  /** Available balance per currency across the account's financial accounts, minor units. */
  balances: Balances;
  cards: { total: number; active: number };
  /** Approved, not reversed authorizations of the last 30 days, per currency. */
  spend30d: Balances;
};

export type AdminAccountRecordsPage = { rows: AdminAccountRecord[]; total: number; page: number; pageCount: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Conditions on businesses only; read-model conditions become `stripe_account_id in (…)` over a
 * partial or pattern index of connected_accounts, so neither the count nor the page has to join
 * 10,000 rows before it can filter.
 */
function whereFor(f: AccountsQuery): SQL | undefined {
  const conds: SQL[] = [];
  const accountsWhere = (cond: SQL) =>
    inArray(businesses.stripeAccountId, sql`(select ${connectedAccounts.id} from ${connectedAccounts} where ${cond})`);
  if (f.q) {
    // What was typed says what it is: an account id, an email (prefix, indexed) or part of a name.
    const q = f.q.toLowerCase();
    if (/^acct_/i.test(f.q)) conds.push(eq(businesses.stripeAccountId, f.q));
    else if (q.includes("@")) {
      const prefix = `${likeEscape(q)}%`;
      conds.push(
        or(
          sql`lower(${businesses.contactEmail}) like ${prefix}`,
          accountsWhere(sql`lower(${connectedAccounts.email}) like ${prefix}`),
        )!,
      );
    } else conds.push(sql`lower(${businesses.legalName}) like ${`%${likeEscape(q)}%`}`);
  }
  if (f.status === "needs_review") {
    // The same predicate as the partial index connected_accounts_needs_review_idx.
    conds.push(
      accountsWhere(
        sql`${connectedAccounts.requirementsDue} <> '[]'::jsonb or ${connectedAccounts.requirementsPastDue} <> '[]'::jsonb or ${connectedAccounts.disabledReason} is not null`,
      ),
    );
  }
  if (f.status === "restricted") conds.push(accountsWhere(isNotNull(connectedAccounts.disabledReason)));
  if (f.funding) conds.push(eq(businesses.fundingModel, f.funding));
  if (f.country) conds.push(eq(businesses.country, f.country));
  return conds.length ? and(...conds) : undefined;
}

function orderFor(f: AccountsQuery): SQL[] {
  const dir = f.dir === "desc" ? desc : asc;
  const name = sql`lower(${businesses.legalName})`;
  switch (f.sort) {
    case "created":
      return [dir(businesses.createdAt), asc(businesses.id)];
    case "country":
      return [dir(businesses.country), asc(name), asc(businesses.id)];
    case "deadline":
      // Accounts with no deadline go last either way: they are not urgent.
      return [
        sql`${connectedAccounts.requirementsDeadline} ${sql.raw(f.dir === "desc" ? "desc" : "asc")} nulls last`,
        asc(name),
        asc(businesses.id),
      ];
    default:
      return [dir(name), asc(businesses.id)];
  }
}

/**
 * One page of the admin accounts table, from the read model only. The page's rows are found
 * first (indexed search, filter, sort); balances, cards and spend are then fetched for those
 * 25 accounts alone, so the cost does not grow with the number of accounts.
 */
export async function listAdminAccountRecords(
  db: DbOrTx,
  f: AccountsQuery,
  now = new Date(),
): Promise<AdminAccountRecordsPage> {
  const where = whereFor(f);
  const from = () =>
    db
      .select()
      .from(businesses)
      .leftJoin(connectedAccounts, eq(connectedAccounts.id, businesses.stripeAccountId))
      .$dynamic();
  const [[counted], base] = await Promise.all([
    db.select({ n: count() }).from(businesses).where(where),
    from()
      .where(where)
      .orderBy(...orderFor(f))
      .limit(ACCOUNTS_PAGE_SIZE)
      .offset((f.page - 1) * ACCOUNTS_PAGE_SIZE),
  ]);
  const total = counted?.n ?? 0;
  const ids = base.map((r) => r.businesses.stripeAccountId).filter((id): id is string => !!id);
  const facts = await accountFacts(db, ids, now);
  const rows = base.map(({ businesses: b, connected_accounts: ca }): AdminAccountRecord => {
    const id = b.stripeAccountId;
    return {
      businessId: b.id,
      name: b.legalName,
      email: b.contactEmail ?? ca?.email ?? null,
      country: b.country,
      fundingModel: b.fundingModel,
      accountId: id,
      createdAt: b.createdAt,
      capabilities: ca?.capabilities ?? {},
      requirementsDue: ca?.requirementsDue ?? [],
      requirementsPastDue: ca?.requirementsPastDue ?? [],
      disabledReason: ca?.disabledReason ?? null,
      requirementsDeadline: ca?.requirementsDeadline ?? null,
      balances: (id && facts.balances.get(id)) || {},
      cards: (id && facts.cards.get(id)) || { total: 0, active: 0 },
      spend30d: (id && facts.spend.get(id)) || {},
    };
  });
  return { rows, total, page: f.page, pageCount: Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE)) };
}

async function accountFacts(db: DbOrTx, ids: string[], now: Date) {
  const balances = new Map<string, Balances>();
  const cardCounts = new Map<string, { total: number; active: number }>();
  const spend = new Map<string, Balances>();
  if (ids.length === 0) return { balances, cards: cardCounts, spend };
  const [fas, cardRows, spendRows] = await Promise.all([
    db
      .select({ accountId: financialAccounts.accountId, balances: financialAccounts.balances })
      .from(financialAccounts)
      .where(inArray(financialAccounts.accountId, ids)),
    db
      .select({
        accountId: cards.accountId,
        total: count(),
        active: sql<number>`count(*) filter (where ${cards.status} = 'active')::int`,
      })
      .from(cards)
      .where(inArray(cards.accountId, ids))
      .groupBy(cards.accountId),
    db
      .select({
        accountId: authorizations.accountId,
        currency: authorizations.currency,
        amount: sql<string>`sum(${authorizations.amount})`,
      })
      .from(authorizations)
      .where(
        and(
          inArray(authorizations.accountId, ids),
          gte(authorizations.objectCreatedAt, new Date(now.getTime() - 30 * DAY_MS)),
          eq(authorizations.approved, true),
          ne(authorizations.status, "reversed"),
        ),
      )
      .groupBy(authorizations.accountId, authorizations.currency),
  ]);
  for (const fa of fas) {
    const into = balances.get(fa.accountId) ?? {};
    for (const [currency, b] of Object.entries(fa.balances)) into[currency] = (into[currency] ?? 0) + b.available;
    balances.set(fa.accountId, into);
  }
  for (const c of cardRows) cardCounts.set(c.accountId, { total: c.total, active: Number(c.active) });
  for (const s of spendRows) spend.set(s.accountId, { ...spend.get(s.accountId), [s.currency]: Number(s.amount) });
  return { balances, cards: cardCounts, spend };
}

/** Countries that have at least one business, for the country filter. */
export async function accountCountries(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ country: businesses.country }).from(businesses).orderBy(businesses.country);
  return rows.map((r) => r.country);
}
