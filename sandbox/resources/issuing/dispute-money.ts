import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { EXTERNAL } from "../../ledger/ledger";
import { credit } from "../../ledger/moves";
import { loadFa } from "../treasury/common";
import { receiveCredit } from "../treasury/received";
import { money, ownedV2, T } from "../money-management/common";
import type { V2Fa } from "../money-management/financial-accounts";
import { receiveV2Credit } from "../money-management/received";
import { recordBalanceTxn } from "../issuing-balance/balance-transactions";
import type { CardRow } from "./common";
import { inFunding } from "./funding";
import type { TxnRow } from "./transactions";

/** What a won dispute left behind: the balance transaction (Issuing balance) or the credit on the financial account. */
export type Reinstated = { balance_transaction: string | null; received_credit: string | null; v2: string | null };

/**
 * A won dispute's money goes back where the purchase took it from (`funding.ts`):
 * - the Issuing balance: an `issuing_dispute` balance transaction, as Stripe's support article
 *   describes ("a balance transaction of type issuing_dispute");
 * - a v1 Treasury FA: a ReceivedCredit (network `card`) [deviation: Stripe books a DebitReversal of
 *   the capture's ReceivedDebit, `treasury.debit_reversal`; the sandbox serves no DebitReversals];
 * - a v2 USDC FA: a v2 ReceivedCredit `card_spend`, converted like the purchase was.
 */
export function reinstate(ctx: Ctx, d: Stripe.Issuing.Dispute, card: CardRow, txn: TxnRow): Reinstated {
  const f = card.extra.funding;
  const value = inFunding(ctx, f, d.amount);
  const out: Reinstated = { balance_transaction: null, received_credit: null, v2: null };
  if (f.kind === "issuing_balance") {
    const c = { holder: f.holder, currency: f.currency, amount: value, flow: { type: "issuing_dispute", id: d.id } };
    credit(ctx.tx, { ...c, nowMs: ctx.nowMs }, EXTERNAL.card);
    out.balance_transaction = String(
      recordBalanceTxn(ctx, {
        amount: value,
        currency: f.currency,
        type: "issuing_dispute",
        source: d.id,
        balance: "issuing",
        description: `Issuing dispute ${d.id} won`,
      }).id,
    );
    return out;
  }
  if (f.kind === "financial_account") {
    const rc = receiveCredit(ctx, loadFa(ctx, f.holder), {
      amount: value,
      currency: f.currency,
      network: "card",
      description: "Issuing dispute won",
      initiating: { type: "issuing_card", issuing_card: card.data.id },
      linked: { issuing_authorization: txn.data.authorization as string | null, issuing_transaction: txn.data.id },
    });
    out.received_credit = (rc as Stripe.Treasury.ReceivedCredit).id;
    return out;
  }
  const fa = ownedV2<V2Fa>(ctx, T.fas, f.holder, "financial account");
  out.v2 = receiveV2Credit(ctx, fa.data, fa.owner, money(value, f.currency), {
    type: "card_spend",
    details: { authorization: txn.data.authorization, card_transactions: [txn.data.id] },
    description: "Dispute won",
  }).id;
  return out;
}
