import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { authorizations, cards, financialAccounts } from "@/db/schema";

/**
 * Where the app's read models disagree with Stripe (here, the sandbox) for one connected account:
 * each Treasury balance, each card (it exists, with the same status) and the number of
 * authorizations. Empty when they agree. The demo seed runs it after its month of life.
 */
export async function readModelProblems(db: DbOrTx, stripe: Stripe, accountId: string): Promise<string[]> {
  const problems: string[] = [];
  const o = { stripeAccount: accountId };
  const fas = await db
    .select()
    .from(financialAccounts)
    .where(and(eq(financialAccounts.accountId, accountId), eq(financialAccounts.api, "v1")));
  // Treasury's (fa_…); a UK/EEA Issuing balance is checked through its cards and authorizations.
  for (const fa of fas.filter((f) => f.id.startsWith("fa_"))) {
    const theirs = (await stripe.treasury.financialAccounts.retrieve(fa.id, {}, o)).balance;
    for (const [currency, cash] of Object.entries(theirs.cash)) {
      const ours = fa.balances[currency]?.available ?? 0;
      if (ours !== cash) problems.push(`${fa.id}: ${currency} balance ${ours} here, ${cash} at Stripe`);
    }
  }
  const stripeCards = new Map<string, string>();
  for await (const c of stripe.issuing.cards.list({ limit: 100 }, o)) stripeCards.set(c.id, c.status);
  for (const c of await db.select().from(cards).where(eq(cards.accountId, accountId))) {
    const status = stripeCards.get(c.id);
    if (!status) problems.push(`card ${c.id} is not at Stripe`);
    else if (status !== c.status) problems.push(`card ${c.id} is ${c.status} here, ${status} at Stripe`);
  }
  if (stripeCards.size !== (await db.$count(cards, eq(cards.accountId, accountId))))
    problems.push(
      `${stripeCards.size} cards at Stripe, ${await db.$count(cards, eq(cards.accountId, accountId))} here`,
    );
  const theirAuths = (await stripe.issuing.authorizations.list({ limit: 100 }, o).autoPagingToArray({ limit: 10_000 }))
    .length;
  const ourAuths = await db.$count(authorizations, eq(authorizations.accountId, accountId));
  if (theirAuths !== ourAuths) problems.push(`${theirAuths} authorizations at Stripe, ${ourAuths} here`);
  return problems;
}
