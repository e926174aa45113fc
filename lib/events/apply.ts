import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { alertsForSnapshotEvent, beforeSnapshotEvent } from "@/lib/notifications/events";
import {
  applyAccountV1,
  applyAuthorization,
  applyCapability,
  applyCard,
  applyCardholder,
  applyDispute,
  applyIssuingBalance,
  applyIssuingBalanceMove,
  applyIssuingTransaction,
  applyToken,
  applyTreasuryFinancialAccount,
  applyTreasuryOutbound,
  applyTreasuryTransaction,
} from "./read-models";
import { applyFinancialAccountV2 } from "./read-models-v2";

/** Objects fetched from Stripe before applying an event (balances change without their own event). */
export type Prefetched = {
  financialAccount?: Stripe.Treasury.FinancialAccount;
  transaction?: Stripe.Treasury.Transaction;
  account?: Stripe.Account;
  token?: Stripe.Issuing.Token;
  /** A USDC card's wallet (a v2 financial account): its purchases hold and spend from it without a v2 event. */
  wallet?: Record<string, unknown>;
  /** A UK/EEA card's Issuing balance, which its purchases hold and spend without a `balance.available` event. */
  balance?: Stripe.Balance;
};

/**
 * The connected account an account or capability event describes. Its events come in bursts
 * within one second (requirements, then each capability), and deliveries have no order, so the
 * snapshot in the event may be older than one already applied: the account is read fresh.
 */
export function accountTouched(event: Stripe.Event): string | null {
  const obj = event.data.object as { object?: string; id?: string; account?: unknown };
  if (obj.object === "account" && typeof obj.id === "string") return obj.id;
  if (obj.object === "capability")
    return typeof obj.account === "string" ? obj.account : ((obj.account as { id?: string } | null)?.id ?? null);
  return null;
}

/**
 * The wallet token a token event describes. A cardholder (or the business) can change one twice
 * within a second, and deliveries have no order: the token is read fresh, like an account.
 */
export function tokenTouched(event: Stripe.Event): string | null {
  const obj = event.data.object as { object?: string; id?: string };
  return obj.object === "issuing.token" && typeof obj.id === "string" ? obj.id : null;
}

/** The Treasury transaction a money event created or changed (its ledger line), if any. */
export function treasuryTransactionTouched(event: Stripe.Event): string | null {
  if (!event.type.startsWith("treasury.")) return null;
  const obj = event.data.object as { transaction?: unknown };
  return typeof obj.transaction === "string" && obj.transaction.startsWith("trxn_") ? obj.transaction : null;
}

/** The Treasury financial account whose balance an event changes, if any. */
export function financialAccountTouched(event: Stripe.Event): string | null {
  if (
    !event.type.startsWith("treasury.") &&
    !event.type.startsWith("issuing_authorization.") &&
    !event.type.startsWith("issuing_transaction.")
  )
    return null;
  const obj = event.data.object as { object?: string; id?: string; financial_account?: unknown; card?: unknown };
  if (obj.object === "treasury.financial_account") return null;
  if (typeof obj.financial_account === "string") return obj.financial_account;
  const card = obj.card as { financial_account?: unknown } | undefined;
  return card && typeof card.financial_account === "string" && card.financial_account.startsWith("fa_")
    ? card.financial_account
    : null;
}

/** The v2 financial account (USDC wallet) a card event's purchase holds or spends from, if any. */
export function walletTouched(event: Stripe.Event): string | null {
  if (!event.type.startsWith("issuing_authorization.") && !event.type.startsWith("issuing_transaction.")) return null;
  const card = (event.data.object as { card?: unknown }).card as { financial_account_v2?: unknown } | undefined;
  return card && typeof card.financial_account_v2 === "string" ? card.financial_account_v2 : null;
}

/** Whether a card event's purchase spends from the account's Issuing balance (a card with no financial account). */
export function issuingBalanceTouched(event: Stripe.Event): boolean {
  if (!event.type.startsWith("issuing_authorization.") && !event.type.startsWith("issuing_transaction.")) return false;
  const card = (event.data.object as { card?: unknown }).card as
    { financial_account?: unknown; financial_account_v2?: unknown } | undefined;
  return !!card && typeof card === "object" && !card.financial_account && !card.financial_account_v2;
}

/** Applies one v1 snapshot event to the read models (inside the caller's transaction). */
export async function applySnapshotEvent(db: DbOrTx, event: Stripe.Event, prefetched: Prefetched = {}): Promise<void> {
  // `created` has one-second resolution, and an object is often created and changed within one
  // second. A `*.created` event carries the object's first state, so it ranks just below every
  // other event of its second: delivered after a change (retries have no order), it can't undo it.
  const sourceAt = new Date(event.created * 1000 - (event.type.endsWith(".created") ? 1 : 0));
  const account = event.account ?? null;
  const obj = event.data.object;
  const watch = await beforeSnapshotEvent(db, event);
  switch (obj.object) {
    case "account":
      await applyAccountV1(db, obj as Stripe.Account, sourceAt);
      break;
    case "capability":
      await applyCapability(db, obj as Stripe.Capability, sourceAt);
      break;
    case "issuing.cardholder":
      if (account) await applyCardholder(db, account, obj as Stripe.Issuing.Cardholder, sourceAt);
      break;
    case "issuing.card":
      if (account) await applyCard(db, account, obj as Stripe.Issuing.Card, sourceAt);
      break;
    case "issuing.authorization":
      if (account) await applyAuthorization(db, account, obj as Stripe.Issuing.Authorization, sourceAt);
      break;
    case "issuing.transaction":
      if (account) await applyIssuingTransaction(db, account, obj as Stripe.Issuing.Transaction, sourceAt);
      break;
    case "issuing.token":
      if (account) await applyToken(db, account, obj as Stripe.Issuing.Token, sourceAt);
      break;
    case "issuing.dispute":
      if (account) await applyDispute(db, account, obj as Stripe.Issuing.Dispute, sourceAt);
      break;
    case "treasury.financial_account":
      if (account) await applyTreasuryFinancialAccount(db, account, obj as Stripe.Treasury.FinancialAccount, sourceAt);
      break;
    case "treasury.outbound_payment":
      if (account)
        await applyTreasuryOutbound(db, account, obj as Stripe.Treasury.OutboundPayment, "outbound_payment", sourceAt);
      break;
    case "treasury.outbound_transfer":
      if (account)
        await applyTreasuryOutbound(
          db,
          account,
          obj as Stripe.Treasury.OutboundTransfer,
          "outbound_transfer",
          sourceAt,
        );
      break;
    case "balance":
      if (account) await applyIssuingBalance(db, account, obj as Stripe.Balance, sourceAt);
      break;
    case "topup":
    case "payout":
      if (account) await applyIssuingBalanceMove(db, account, obj as Stripe.Topup | Stripe.Payout, sourceAt);
      break;
    default:
      break;
  }
  // Fetched just now, so newer than any event of the same second.
  if (prefetched.account) await applyAccountV1(db, prefetched.account, new Date());
  if (account && prefetched.token) await applyToken(db, account, prefetched.token, new Date());
  if (account && prefetched.transaction)
    await applyTreasuryTransaction(db, account, prefetched.transaction, new Date());
  if (account && prefetched.financialAccount) {
    // Fetched just now, so it is newer than the event itself.
    await applyTreasuryFinancialAccount(db, account, prefetched.financialAccount, new Date());
  }
  if (account && prefetched.wallet) await applyFinancialAccountV2(db, account, prefetched.wallet, new Date());
  if (account && prefetched.balance) await applyIssuingBalance(db, account, prefetched.balance, new Date());
  await alertsForSnapshotEvent(db, event, watch, prefetched);
}
