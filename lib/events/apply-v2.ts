import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { getBusinessByAccount } from "@/db/queries/businesses";
import { saveWalletEntry } from "@/db/queries/wallet-entries";
import { alertsForAccountV2, alertsForThinEvent } from "@/lib/notifications/events";
import { watchBalance } from "@/lib/notifications/triggers";
import { applyPayoutSnapshot } from "@/lib/payouts/apply-event";
import { V2_PREVIEW_VERSION } from "@/lib/stripe/v2";
import { fundingPaymentBehind, walletEntry } from "@/lib/wallet/entries";
import { applyAccountV2, applyFinancialAccountV2, applyOutboundV2 } from "./read-models-v2";

type Json = Record<string, unknown>;
type Note = {
  id: string;
  type: string;
  created: string;
  context?: unknown;
  related_object?: { id: string; type: string; url: string } | null;
};

const ACCOUNT_INCLUDES = [
  "configuration.merchant",
  "configuration.storer",
  "configuration.card_creator",
  "identity",
  "requirements",
];

export type ThinFetch = {
  related: Json | null;
  financialAccount: Json | null;
  /** For money received into or taken from a v2 FA (card spend, refunds, funding): its v2 transaction, the wallet's history line. */
  transaction?: Json | null;
  /** The platform's outbound payment behind a funding credit (what it debited in USD). */
  fundingPayment?: Json | null;
};

const RECEIVED = ["v2.money_management.received_credit", "v2.money_management.received_debit"];
/** Money movements that are a line of the wallet's history (payouts and their returns, as well as money received). */
const WALLET_FLOWS = [...RECEIVED, "v2.money_management.outbound_transfer"];

/**
 * Fetches what a thin event points at, the way the SDK documents (outside any transaction), and
 * for money movements the financial account too, since its balance changed with them.
 */
export async function fetchThinObject(
  stripe: Stripe,
  notification: Stripe.V2.Core.EventNotification,
): Promise<ThinFetch> {
  const note = notification as unknown as Note;
  const target = note.related_object;
  if (!target) return { related: null, financialAccount: null };
  const context = note.context ? String(note.context) : undefined;
  const get = async (url: string) =>
    (await stripe.rawRequest("GET", url, undefined, {
      apiVersion: V2_PREVIEW_VERSION,
      ...(context ? { stripeContext: context } : {}),
    })) as unknown as Json;
  if (target.type === "v2.core.account") {
    const query = ACCOUNT_INCLUDES.map((inc, i) => `include[${i}]=${encodeURIComponent(inc)}`).join("&");
    return {
      related: await get(`/v2/core/accounts/${encodeURIComponent(target.id)}?${query}`),
      financialAccount: null,
    };
  }
  if (!target.type.startsWith("v2.money_management.")) return { related: null, financialAccount: null };
  const related = await get(target.url);
  const from = related.from as Json | undefined;
  const faId =
    typeof related.financial_account === "string"
      ? related.financial_account
      : typeof from?.financial_account === "string"
        ? from.financial_account
        : null;
  const financialAccount =
    faId && related.object !== "v2.money_management.financial_account"
      ? await get(`/v2/money_management/financial_accounts/${encodeURIComponent(faId)}`)
      : null;
  if (!WALLET_FLOWS.includes(String(related.object)) || !faId) return { related, financialAccount };
  // A captured card purchase (or a refund, or funding) arrives as a received debit/credit, a payout
  // as an outbound transfer: its newest transaction is what the wallet's history shows, so the
  // wallet is current without a refresh. The object names no transaction (the preview types none);
  // the list finds it by flow.
  const found = await get(
    `/v2/money_management/transactions?financial_account=${encodeURIComponent(faId)}&flow=${encodeURIComponent(String(related.id))}&limit=1`,
  ).catch(refusedAsNull);
  const transaction = ((found?.data as Json[] | undefined) ?? [])[0] ?? null;
  const payment = fundingPaymentBehind(related);
  const fundingPayment = payment
    ? ((await stripe
        .rawRequest("GET", `/v2/money_management/outbound_payments/${encodeURIComponent(payment)}`, undefined, {
          apiVersion: V2_PREVIEW_VERSION,
        })
        .catch(refusedAsNull)) as Json | null)
    : null;
  return { related, financialAccount, transaction, fundingPayment };
}

/** Stripe refusing a side read (not found, not permitted) leaves that part out; a failure a retry could fix is passed on. */
function refusedAsNull(err: unknown): null {
  const type = (err as { type?: string }).type;
  if (type === "StripeInvalidRequestError" || type === "StripePermissionError") return null;
  throw err;
}

/** The wallet line for a money movement, when the FA is a business's own USDC wallet. */
async function applyWalletLine(db: DbOrTx, accountId: string, fetched: ThinFetch): Promise<void> {
  const txn = fetched.transaction;
  if (!txn || !fetched.related) return;
  const business = await getBusinessByAccount(db, { accountId });
  if (business && business.financialAccountId === String(txn.financial_account))
    await saveWalletEntry(db, walletEntry(business.id, txn, fetched.related, fetched.fundingPayment ?? null));
}

/** Applies a thin event using the object fetched for it (inside the caller's transaction). */
export async function applyThinEvent(
  db: DbOrTx,
  notification: Stripe.V2.Core.EventNotification,
  fetched: ThinFetch,
): Promise<void> {
  const { related } = fetched;
  if (!related) return;
  const note = notification as unknown as Note;
  // Fetched after the event, so at least as new as it.
  const sourceAt = new Date(Math.max(Date.parse(note.created) || 0, Date.now()));
  const accountId = note.context ? String(note.context) : null;
  const kind = String(related.object ?? note.related_object?.type ?? "");
  if (kind === "v2.core.account") {
    await applyAccountV2(db, related, sourceAt);
    return alertsForAccountV2(db, related);
  }
  if (!accountId) return;
  const watch = await watchBalance(db, accountId);
  await applyMoneyEvent(db, accountId, kind, fetched, sourceAt);
  await alertsForThinEvent(db, accountId, related, watch, sourceAt);
}

/** A money movement or financial account of a connected account, into the read models. */
async function applyMoneyEvent(db: DbOrTx, accountId: string, kind: string, fetched: ThinFetch, sourceAt: Date) {
  const { related, financialAccount } = fetched;
  if (!related) return;
  if (financialAccount) await applyFinancialAccountV2(db, accountId, financialAccount, sourceAt);
  if (WALLET_FLOWS.includes(kind)) await applyWalletLine(db, accountId, fetched);
  if (kind === "v2.money_management.financial_account")
    return applyFinancialAccountV2(db, accountId, related, sourceAt);
  if (kind === "v2.money_management.outbound_payment")
    return applyOutboundV2(db, accountId, related, "v2_outbound_payment", sourceAt);
  if (kind === "v2.money_management.outbound_transfer") {
    await applyOutboundV2(db, accountId, related, "v2_outbound_transfer", sourceAt);
    return applyPayoutSnapshot(db, related);
  }
}
