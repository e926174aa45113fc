import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { authorizations, cards, financialAccounts } from "@/db/schema";

type FinancialAccount = typeof financialAccounts.$inferSelect;
import { v2Request } from "@/lib/stripe/v2";

/**
 * Where the app's read models disagree with Stripe (here, the sandbox) for one connected account:
 * each balance (Treasury, the USDC wallet, the Issuing balance), each card (it exists, with the
 * same status) and the number of authorizations. Empty when they agree. The demo seed runs it after its month of life.
 */
export async function readModelProblems(db: DbOrTx, stripe: Stripe, accountId: string): Promise<string[]> {
  const problems: string[] = [];
  const o = { stripeAccount: accountId };
  const fas = await db.select().from(financialAccounts).where(eq(financialAccounts.accountId, accountId));
  for (const fa of fas) {
    for (const [currency, theirs] of Object.entries(await availableAtStripe(stripe, accountId, fa))) {
      const ours = fa.balances[currency]?.available ?? 0;
      if (ours !== theirs) problems.push(`${fa.id}: ${currency} available ${ours} here, ${theirs} at Stripe`);
    }
  }
  const stripeCards = new Map<string, string>();
  for await (const c of stripe.issuing.cards.list({ limit: 100 }, o)) stripeCards.set(c.id, c.status);
  const ourCards = await db.select().from(cards).where(eq(cards.accountId, accountId));
  for (const c of ourCards) {
    const status = stripeCards.get(c.id);
    if (!status) problems.push(`card ${c.id} is not at Stripe`);
    else if (status !== c.status) problems.push(`card ${c.id} is ${c.status} here, ${status} at Stripe`);
  }
  if (stripeCards.size !== ourCards.length)
    problems.push(`${stripeCards.size} cards at Stripe, ${ourCards.length} here`);
  const theirAuths = (await stripe.issuing.authorizations.list({ limit: 100 }, o).autoPagingToArray({ limit: 10_000 }))
    .length;
  const ourAuths = await db.$count(authorizations, eq(authorizations.accountId, accountId));
  if (theirAuths !== ourAuths) problems.push(`${theirAuths} authorizations at Stripe, ${ourAuths} here`);
  return problems;
}

/** What Stripe says is available, per currency, for one of the read model's balances: Treasury, a v2 wallet, or the Issuing balance. */
async function availableAtStripe(
  stripe: Stripe,
  accountId: string,
  fa: FinancialAccount,
): Promise<Record<string, number>> {
  if (fa.id.startsWith("issuing:")) {
    const balance = await stripe.balance.retrieve({}, { stripeAccount: accountId });
    return Object.fromEntries((balance.issuing?.available ?? []).map((a) => [a.currency, a.amount]));
  }
  if (fa.api === "v2") {
    const theirs = await v2Request(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, undefined, {
      account: accountId,
    });
    const available = (theirs.balance as { available?: Record<string, { value: number }> } | undefined)?.available;
    return Object.fromEntries(Object.entries(available ?? {}).map(([c, m]) => [c, Number(m.value)]));
  }
  return (await stripe.treasury.financialAccounts.retrieve(fa.id, {}, { stripeAccount: accountId })).balance.cash;
}
