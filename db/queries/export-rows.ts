import { and, asc, eq, gte, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { moneyTransactions, operations, walletEntries, type Business } from "@/db/schema";
import { PAYOUT_KIND } from "./payouts";

/**
 * A movement of the business's money that is not a card purchase or refund: a funding, top-up,
 * payout, payout return, deposit or debit. `source` says which ledger it is a line of and `flow`
 * what moved it there: a Treasury flow type (`inbound_transfer`, `outbound_payment`…), `topup` or
 * `payout` on the Issuing balance, a wallet entry's kind (`funding`, `payout`…) for the USDC wallet.
 */
export type MovementRow = {
  id: string;
  source: "treasury" | "issuing_balance" | "wallet";
  flow: string;
  createdAt: Date;
  /** Signed minor units of `currency`: positive in, negative out. */
  amount: number;
  currency: string;
  /** What Stripe (or the app, when it made the movement) says about it. */
  description: string | null;
};

/** Card spending is a line of these ledgers too; it comes into the export from the Issuing transactions instead. */
const CARD_FLOWS = ["issuing_authorization"];
const WALLET_KINDS = ["funding", "payout", "payout_return", "deposit"] as const;
// Lines that moved no money (a failed or canceled flow voids its line).
const VOID = ["void", "failed", "canceled"];

/**
 * The business's money movements created in [start, end), oldest first and ties by id, voided ones
 * left out: the lines of its Treasury financial accounts or Issuing balance, or of its USDC wallet.
 */
export async function exportMoneyMovements(
  db: DbOrTx,
  {
    business,
    start,
    end,
  }: { business: Pick<Business, "id" | "fundingModel" | "stripeAccountId">; start: Date; end: Date },
): Promise<MovementRow[]> {
  if (business.fundingModel === "stablecoin") return walletMovements(db, { businessId: business.id, start, end });
  if (!business.stripeAccountId) return [];
  const m = moneyTransactions;
  const rows = await db
    .select({
      id: m.id,
      flow: m.flowType,
      createdAt: m.objectCreatedAt,
      amount: m.amount,
      currency: m.currency,
      description: m.description,
    })
    .from(m)
    .where(
      and(
        eq(m.accountId, business.stripeAccountId),
        notInArray(m.flowType, CARD_FLOWS),
        notInArray(m.status, VOID),
        gte(m.objectCreatedAt, start),
        lt(m.objectCreatedAt, end),
      ),
    )
    .orderBy(asc(m.objectCreatedAt), asc(m.id));
  const source = business.fundingModel === "issuing_balance" ? "issuing_balance" : "treasury";
  return rows.map((r) => ({ ...r, source, amount: Number(r.amount) }));
}

/**
 * The wallet's fundings, payouts, payout returns and deposits (its card spending and refunds are
 * the Issuing transactions'). A payout the business sent here carries the description it was sent
 * with ("Payout to Main bank"), from its operation row.
 */
async function walletMovements(
  db: DbOrTx,
  { businessId, start, end }: { businessId: string; start: Date; end: Date },
): Promise<MovementRow[]> {
  const w = walletEntries;
  const rows = await db
    .select({
      id: w.id,
      flow: w.kind,
      createdAt: w.objectCreatedAt,
      amount: w.amount,
      currency: w.currency,
      description: w.description,
      sentAs: sql<string | null>`${operations.request}->>'description'`,
    })
    .from(w)
    .leftJoin(
      operations,
      and(
        eq(operations.businessId, businessId),
        eq(operations.kind, PAYOUT_KIND),
        eq(operations.stripeObjectId, w.flowId),
      ),
    )
    .where(
      and(
        eq(w.businessId, businessId),
        inArray(w.kind, [...WALLET_KINDS]),
        notInArray(w.status, VOID),
        gte(w.objectCreatedAt, start),
        lt(w.objectCreatedAt, end),
      ),
    )
    .orderBy(asc(w.objectCreatedAt), asc(w.id));
  return rows.map(({ sentAs, ...r }) => ({
    ...r,
    source: "wallet" as const,
    amount: Number(r.amount),
    description: r.flow === "payout" || r.flow === "payout_return" ? (sentAs ?? r.description) : r.description,
  }));
}
