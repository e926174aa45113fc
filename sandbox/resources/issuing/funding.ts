import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest, paramError, referenceMissing } from "../../wire/errors";
import { balanceOf, EXTERNAL, type Journal } from "../../ledger/ledger";
import { credit, debit, hold, release } from "../../ledger/moves";
import { loadFa } from "../treasury/common";
import { requireFeature } from "../treasury/features";
import { addEntry, openTxn } from "../treasury/transactions";
import { receiveCredit, receiveDebit } from "../treasury/received";
import { money, ownedV2, T } from "../money-management/common";
import type { V2Fa } from "../money-management/financial-accounts";
import { receiveV2Credit, receiveV2Debit } from "../money-management/received";
import { issuingHolder } from "../issuing-balance";
import { loadAccount } from "../accounts/store";
import { recordBalanceTxn } from "../issuing-balance/balance-transactions";
import { issuesThroughLead, type Funding } from "./common";

/**
 * Where a card's money lives and how card flows move it, per funding source:
 * - the Issuing balance (`issuing:<acct>`): holds and captures write balance transactions;
 * - a v1 Treasury FA (`financial_account`): the hold is an `issuing_authorization` Treasury
 *   transaction (hold/release entries), a capture a ReceivedDebit (network `card`), a refund a
 *   ReceivedCredit (C.4);
 * - a v2 storage FA holding USDC (`financial_account_v2`, the stablecoin guide's parameter): card
 *   amounts (usd) convert at `fx_rates["usd:usdc"]`, a capture is a v2 ReceivedDebit `card_spend`,
 *   a refund a v2 ReceivedCredit.
 * `financial_account` is a v1 Treasury lookup, as on Stripe: a v2 id there is no such financial account.
 */
export function resolveFunding(ctx: Ctx, fa: { v1?: string; v2?: string }, currency: string): Funding {
  if (fa.v1 && fa.v2)
    throw invalidRequest("You may only specify one of these parameters: financial_account, financial_account_v2.", {
      param: "financial_account_v2",
      code: "parameters_exclusive",
    });
  if (fa.v2) {
    const faId = fa.v2;
    const row = ctx.tx.get<V2Fa>(T.fas, faId);
    if (!row || row.owner !== ctx.account) throw referenceMissing("financial account", faId, "financial_account_v2");
    const v2 = row.data;
    if (v2.status !== "open")
      throw invalidRequest(`The financial account ${faId} is not open.`, { param: "financial_account_v2" });
    if (!v2.storage.holds_currencies.includes("usdc"))
      throw invalidRequest(
        `Cards can spend from a v2 financial account holding usdc; ${faId} holds ${v2.storage.holds_currencies.join(", ")}.`,
        { param: "financial_account_v2" },
      );
    if (currency !== "usd")
      throw invalidRequest("Cards on a USDC financial account have currency usd.", { param: "currency" });
    return { kind: "financial_account_v2", holder: faId, currency: "usdc" };
  }
  // A card_creator (Lead) account has no Issuing balance or Treasury: its cards spend a v2 FA [stricter: the guide names it for every card].
  if (ctx.isConnected && issuesThroughLead(ctx, ctx.account)) {
    if (!fa.v1)
      throw paramError(
        "parameter_missing",
        "financial_account_v2",
        "Missing required param: financial_account_v2. Cards of a stablecoin (card_creator) account spend from one of its v2 financial accounts.",
      );
  }
  if (!fa.v1) {
    // An Issuing balance is in its country's currency (UK gbp, euro area eur, US usd), and so are its cards.
    // [guess: Stripe's wording; it documents per-country card currencies, not the error]
    const home = loadAccount(ctx, ctx.account)?.data.default_currency ?? "usd";
    if (currency !== home)
      throw invalidRequest(
        `Cards on this account's Issuing balance must be in ${home}; ${currency} is not supported for cards in ${loadAccount(ctx, ctx.account)?.data.country ?? "US"}.`,
        { param: "currency" },
      );
    return { kind: "issuing_balance", holder: issuingHolder(ctx.account), currency };
  }
  const faId = fa.v1;
  const v1 = loadFa(ctx, faId, "financial_account");
  requireFeature(ctx, v1, "card_issuing", "financial_account");
  if (!v1.data.supported_currencies.includes(currency))
    throw invalidRequest(`The financial account ${faId} does not hold ${currency}.`, { param: "currency" });
  return { kind: "financial_account", holder: faId, currency };
}

/** A card amount in the funding currency (USDC cards convert; the others are 1:1). */
export function inFunding(ctx: Ctx, f: Funding, amount: number): number {
  if (f.kind !== "financial_account_v2") return amount;
  return Math.round(amount * (ctx.kernel.config.fxRates["usd:usdc"] ?? 1));
}

export const availableCash = (ctx: Ctx, f: Funding) => balanceOf(ctx.tx, f.holder, f.currency).cash;

/** Issuing-balance funds move on the `issuing` balance, not the payments balance. */
const balanceTxn = (ctx: Ctx, f: Funding, amount: number, type: Stripe.BalanceTransaction.Type, source: string) =>
  recordBalanceTxn(ctx, { amount, currency: f.currency, type, source, balance: "issuing" });

/** What a hold or release leaves behind on the authorization: its Treasury transaction id, or a balance transaction id. */
export type AuthMoney = { treasury_txn: string | null; balance_txns: string[] };

/** Holds `amount` (card currency) for an authorization; throws LedgerError("insufficient_funds") and writes nothing when short. */
export function holdForAuth(ctx: Ctx, f: Funding, auth: string, amount: number, m: AuthMoney): void {
  const c = {
    holder: f.holder,
    currency: f.currency,
    amount: inFunding(ctx, f, amount),
    flow: { type: "issuing_authorization", id: auth },
    nowMs: ctx.nowMs,
  };
  const j = hold(ctx.tx, c);
  record(ctx, f, auth, j, -amount, "issuing_authorization_hold", m);
}

/** Gives back `amount` (card currency) of an authorization's hold; `final` voids its Treasury transaction. */
export function releaseForAuth(ctx: Ctx, f: Funding, auth: string, amount: number, m: AuthMoney, final: boolean): void {
  if (amount <= 0) return;
  const j = release(ctx.tx, {
    holder: f.holder,
    currency: f.currency,
    amount: inFunding(ctx, f, amount),
    flow: { type: "issuing_authorization", id: auth },
    nowMs: ctx.nowMs,
  });
  record(ctx, f, auth, j, amount, "issuing_authorization_release", m, final);
}

function record(
  ctx: Ctx,
  f: Funding,
  auth: string,
  j: Journal,
  signed: number,
  type: "issuing_authorization_hold" | "issuing_authorization_release",
  m: AuthMoney,
  final = false,
): void {
  if (f.kind === "issuing_balance") m.balance_txns.push(String(balanceTxn(ctx, f, signed, type, auth).id));
  if (f.kind !== "financial_account") return;
  m.treasury_txn ??= openTxn(
    ctx,
    f.holder,
    { type: "issuing_authorization", id: auth },
    f.currency,
    signed,
    "Issuing authorization",
  );
  addEntry(ctx, m.treasury_txn, type, j, final ? "void" : undefined);
}

/** The money objects a capture or refund created, for `issuing.transaction.treasury` / `balance_transaction`. */
export type TxnMoney = {
  received_debit: string | null;
  received_credit: string | null;
  balance_transaction: string | null;
  v2: string | null;
};

/** The 400 of a capture or refund whose received debit or credit on the card's financial account failed. */
function cannotCover(amount: number, currency: string): ApiError {
  return new ApiError(400, {
    type: "invalid_request_error",
    code: "insufficient_funds",
    message: `The card's financial account cannot cover ${amount} ${currency}.`,
  });
}

/** Moves a capture (`debit`) or refund (`credit`) of `amount` (card currency); a debit the source cannot cover is a 400 and writes nothing. */
export function moveCardMoney(
  ctx: Ctx,
  f: Funding,
  direction: "debit" | "credit",
  amount: number,
  card: string,
  links: { authorization: string | null; transaction: string },
): TxnMoney {
  const out: TxnMoney = { received_debit: null, received_credit: null, balance_transaction: null, v2: null };
  const value = inFunding(ctx, f, amount);
  const flow = { type: "issuing_transaction", id: links.transaction };
  if (f.kind === "issuing_balance") {
    if (direction === "debit")
      debit(ctx.tx, { holder: f.holder, currency: f.currency, amount: value, flow, nowMs: ctx.nowMs }, EXTERNAL.card);
    else
      credit(ctx.tx, { holder: f.holder, currency: f.currency, amount: value, flow, nowMs: ctx.nowMs }, EXTERNAL.card);
    out.balance_transaction = String(
      balanceTxn(ctx, f, direction === "debit" ? -value : value, "issuing_transaction", links.transaction).id,
    );
    return out;
  }
  if (f.kind === "financial_account") {
    const fa = loadFa(ctx, f.holder);
    const o = {
      amount: value,
      currency: f.currency,
      network: "card",
      description: direction === "debit" ? "Issuing capture" : "Issuing refund",
      initiating: { type: "issuing_card", issuing_card: card },
      linked: { issuing_authorization: links.authorization, issuing_transaction: links.transaction },
    };
    if (direction === "debit") {
      const rd = receiveDebit(ctx, fa, o);
      if (rd.status !== "succeeded") throw cannotCover(amount, f.currency);
      out.received_debit = rd.id;
    } else out.received_credit = (receiveCredit(ctx, fa, o) as Stripe.Treasury.ReceivedCredit).id;
    return out;
  }
  const fa = ownedV2<V2Fa>(ctx, T.fas, f.holder, "financial account");
  const details = {
    type: "card_spend",
    details: { authorization: links.authorization, card_transactions: [links.transaction] },
    description: direction === "debit" ? "Card spend" : "Card refund",
  };
  const obj =
    direction === "debit"
      ? receiveV2Debit(ctx, fa.data, fa.owner, money(value, f.currency), details)
      : receiveV2Credit(ctx, fa.data, fa.owner, money(value, f.currency), details);
  if (obj.status !== "succeeded") throw cannotCover(value, f.currency);
  out.v2 = obj.id;
  return out;
}
