import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { upsertAuthorization } from "@/db/queries/authorizations";
import { getBusinessByAccount } from "@/db/queries/businesses";
import { upsertCardholder } from "@/db/queries/cardholders";
import { upsertCard } from "@/db/queries/cards";
import { patchCapability, upsertConnectedAccount } from "@/db/queries/connected-accounts";
import { upsertDispute } from "@/db/queries/disputes";
import { upsertFinancialAccount } from "@/db/queries/financial-accounts";
import { cardOfTransaction, upsertIssuingTransaction } from "@/db/queries/issuing-transactions";
import { upsertIssuingToken } from "@/db/queries/issuing-tokens";
import { upsertMoneyTransaction } from "@/db/queries/money-transactions";
import { upsertPayout } from "@/db/queries/payouts";

const at = (unix: number | null | undefined) => new Date((unix ?? 0) * 1000);
const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === "string" ? v : v.id);

async function businessIdFor(db: DbOrTx, accountId: string): Promise<string | null> {
  return (await getBusinessByAccount(db, { accountId }))?.id ?? null;
}

export async function applyAccountV1(db: DbOrTx, a: Stripe.Account, sourceAt: Date): Promise<void> {
  const capabilities = Object.fromEntries(Object.entries(a.capabilities ?? {}).map(([k, v]) => [k, String(v)]));
  // Never replaces the v2 view of an account opened through v2 (see upsertConnectedAccount).
  await upsertConnectedAccount(db, {
    id: a.id,
    businessId: await businessIdFor(db, a.id),
    api: "v1",
    country: a.country ?? null,
    email: a.email ?? null,
    displayName:
      a.business_profile?.name ??
      a.company?.name ??
      ([a.individual?.first_name, a.individual?.last_name].filter(Boolean).join(" ") || null),
    capabilities,
    requirementsDue: a.requirements?.currently_due ?? [],
    requirementsPastDue: a.requirements?.past_due ?? [],
    requirementsDeadline: a.requirements?.current_deadline ? at(a.requirements.current_deadline) : null,
    disabledReason: a.requirements?.disabled_reason ?? null,
    detailsSubmitted: a.details_submitted ?? false,
    objectCreatedAt: at(a.created),
    sourceAt,
  });
}

/** A capability changed: patch that one status if the stored account is not newer (and is kept in its v1 view). */
export async function applyCapability(db: DbOrTx, c: Stripe.Capability, sourceAt: Date): Promise<void> {
  const accountId = idOf(c.account);
  if (!accountId) return;
  await patchCapability(db, { accountId, capability: c.id, status: c.status, sourceAt });
}

export async function applyCardholder(
  db: DbOrTx,
  accountId: string,
  h: Stripe.Issuing.Cardholder,
  sourceAt: Date,
): Promise<void> {
  await upsertCardholder(db, {
    id: h.id,
    accountId,
    name: h.name,
    email: h.email ?? null,
    type: h.type,
    status: h.status,
    requirementsPastDue: (h.requirements?.past_due ?? []) as string[],
    disabledReason: h.requirements?.disabled_reason ?? null,
    objectCreatedAt: at(h.created),
    sourceAt,
  });
}

export async function applyCard(db: DbOrTx, accountId: string, c: Stripe.Issuing.Card, sourceAt: Date): Promise<void> {
  // `financial_account_v2` is the stablecoin guide's preview field, which the SDK does not type (and Stripe may not answer).
  const withFa = c as Stripe.Issuing.Card & { financial_account?: string | null; financial_account_v2?: string | null };
  await upsertCard(db, {
    id: c.id,
    accountId,
    cardholderId: idOf(c.cardholder) ?? "",
    type: c.type,
    status: c.status,
    brand: c.brand,
    last4: c.last4,
    expMonth: c.exp_month,
    expYear: c.exp_year,
    currency: c.currency,
    financialAccount: withFa.financial_account ?? null,
    financialAccountV2: withFa.financial_account_v2 ?? null,
    spendingControls: c.spending_controls as unknown as Record<string, unknown>,
    shipping: (c.shipping as unknown as Record<string, unknown> | null) ?? null,
    replacementFor: idOf(c.replacement_for),
    replacementReason: c.replacement_reason ?? null,
    cancellationReason: c.cancellation_reason ?? null,
    personalizationDesign: idOf(c.personalization_design),
    latestFraudWarning: (c.latest_fraud_warning as unknown as Record<string, unknown> | null) ?? null,
    cancelAfterPayments: c.lifecycle_controls?.cancel_after?.payment_count ?? null,
    objectCreatedAt: at(c.created),
    sourceAt,
  });
}

/** A card's digital-wallet token (Apple Pay, Google Pay…): its wallet, device and status. */
export async function applyToken(
  db: DbOrTx,
  accountId: string,
  t: Stripe.Issuing.Token,
  sourceAt: Date,
): Promise<void> {
  await upsertIssuingToken(db, {
    id: t.id,
    accountId,
    cardId: idOf(t.card) ?? "",
    status: t.status,
    walletProvider: t.wallet_provider ?? null,
    deviceType: t.network_data?.device?.type ?? null,
    last4: t.last4 ?? null,
    objectCreatedAt: at(t.created),
    sourceAt,
  });
}

export async function applyAuthorization(
  db: DbOrTx,
  accountId: string,
  a: Stripe.Issuing.Authorization,
  sourceAt: Date,
): Promise<void> {
  const last = a.request_history?.[a.request_history.length - 1];
  await upsertAuthorization(db, {
    id: a.id,
    accountId,
    cardId: idOf(a.card) ?? "",
    cardholderId: idOf(a.cardholder),
    amount: a.amount || a.pending_request?.amount || last?.amount || 0,
    currency: a.currency,
    merchantAmount: a.merchant_amount || a.pending_request?.merchant_amount || last?.merchant_amount || 0,
    merchantCurrency: a.merchant_currency,
    merchantName: a.merchant_data?.name ?? null,
    merchantCategory: a.merchant_data?.category ?? null,
    merchantCountry: a.merchant_data?.country ?? null,
    status: a.status,
    approved: a.approved,
    declineReason: a.approved ? null : (last?.reason ?? null),
    requestHistory: (a.request_history ?? []) as unknown as Array<Record<string, unknown>>,
    verificationData: (a.verification_data as unknown as Record<string, unknown> | null) ?? null,
    objectCreatedAt: at(a.created),
    sourceAt,
  });
}

export async function applyIssuingTransaction(
  db: DbOrTx,
  accountId: string,
  t: Stripe.Issuing.Transaction,
  sourceAt: Date,
): Promise<void> {
  await upsertIssuingTransaction(db, {
    id: t.id,
    accountId,
    cardId: idOf(t.card) ?? "",
    authorizationId: idOf(t.authorization),
    type: t.type,
    amount: t.amount,
    currency: t.currency,
    merchantName: t.merchant_data?.name ?? null,
    merchantCategory: t.merchant_data?.category ?? null,
    objectCreatedAt: at(t.created),
    sourceAt,
  });
}

export async function applyDispute(
  db: DbOrTx,
  accountId: string,
  d: Stripe.Issuing.Dispute,
  sourceAt: Date,
): Promise<void> {
  const transactionId = idOf(d.transaction);
  // Events carry the transaction's id only: the card comes from the transaction's read-model row.
  const cardId =
    typeof d.transaction === "object" && d.transaction
      ? idOf(d.transaction.card)
      : transactionId
        ? await cardOfTransaction(db, { accountId, transactionId })
        : null;
  await upsertDispute(db, {
    id: d.id,
    accountId,
    transactionId,
    cardId,
    amount: d.amount,
    currency: d.currency,
    status: d.status,
    reason: d.evidence?.reason ?? null,
    evidence: (d.evidence as unknown as Record<string, unknown>) ?? {},
    objectCreatedAt: at(d.created),
    sourceAt,
  });
}

export async function applyTreasuryFinancialAccount(
  db: DbOrTx,
  accountId: string,
  fa: Stripe.Treasury.FinancialAccount,
  sourceAt: Date,
): Promise<void> {
  const balances: Record<string, { available: number; inbound_pending: number; outbound_pending: number }> = {};
  for (const [currency, cash] of Object.entries(fa.balance?.cash ?? {})) {
    balances[currency] = {
      available: cash,
      inbound_pending: fa.balance.inbound_pending?.[currency] ?? 0,
      outbound_pending: fa.balance.outbound_pending?.[currency] ?? 0,
    };
  }
  await upsertFinancialAccount(db, {
    id: fa.id,
    accountId,
    api: "v1",
    status: fa.status,
    balances,
    objectCreatedAt: at(fa.created),
    sourceAt,
  });
}

type OutboundMoney = Stripe.Treasury.OutboundPayment | Stripe.Treasury.OutboundTransfer;

export async function applyTreasuryOutbound(
  db: DbOrTx,
  accountId: string,
  o: OutboundMoney,
  kind: "outbound_payment" | "outbound_transfer",
  sourceAt: Date,
): Promise<void> {
  const dest = "destination_payment_method_details" in o ? o.destination_payment_method_details : null;
  const bank = dest?.us_bank_account;
  await upsertPayout(db, {
    id: o.id,
    accountId,
    kind,
    financialAccount: o.financial_account,
    amount: o.amount,
    currency: o.currency,
    status: o.status,
    destination: bank ? `${bank.bank_name ?? "Bank"} ••${bank.last4 ?? ""}` : null,
    objectCreatedAt: at(o.created),
    sourceAt,
  });
}

export async function applyTreasuryTransaction(
  db: DbOrTx,
  accountId: string,
  t: Stripe.Treasury.Transaction,
  sourceAt: Date,
): Promise<void> {
  await upsertMoneyTransaction(db, {
    id: t.id,
    accountId,
    financialAccount: t.financial_account,
    amount: t.amount,
    currency: t.currency,
    flowType: t.flow_type,
    status: t.status,
    description: t.description,
    objectCreatedAt: at(t.created),
    sourceAt,
  });
}

/** The Issuing balance's ledger line for a top-up or payout: `money_transactions` under the `issuing_balance` label. */
export const ISSUING_BALANCE_LEDGER = "issuing_balance";
// A top-up or payout that never moved money (or moved it back) is no line of the balance.
const VOID_STATUSES = new Set(["failed", "canceled", "reversed"]);

export async function applyIssuingBalanceMove(
  db: DbOrTx,
  accountId: string,
  move: Stripe.Topup | Stripe.Payout,
  sourceAt: Date,
): Promise<void> {
  const topup = move.object === "topup";
  // Only moves of an Issuing balance. A top-up names its balance; a payout object doesn't (Stripe's
  // Payout has no `source_balance`), but this product pays out of nothing else for these businesses.
  if (topup && (move as { destination_balance?: string | null }).destination_balance !== "issuing") return;
  if ((await getBusinessByAccount(db, { accountId }))?.fundingModel !== "issuing_balance") return;
  await upsertMoneyTransaction(db, {
    id: move.id,
    accountId,
    financialAccount: ISSUING_BALANCE_LEDGER,
    amount: topup ? move.amount : -move.amount,
    currency: move.currency,
    flowType: move.object,
    status: VOID_STATUSES.has(move.status) ? "void" : move.status,
    description: move.description,
    objectCreatedAt: at(move.created),
    sourceAt,
  });
}

/**
 * A UK/EEA business's Issuing balance as a row of `financial_accounts` (id `issuing:<account>`),
 * so the admin's accounts table and review page list its balance beside the financial accounts of
 * the other models. Only for businesses on the Issuing balance (others' balance events are their
 * payments balance, which this product doesn't use).
 */
export async function applyIssuingBalance(
  db: DbOrTx,
  accountId: string,
  balance: Stripe.Balance,
  sourceAt: Date,
): Promise<void> {
  const business = await getBusinessByAccount(db, { accountId });
  if (business?.fundingModel !== "issuing_balance") return;
  const balances: Record<string, { available: number; inbound_pending: number; outbound_pending: number }> = {};
  for (const a of balance.issuing?.available ?? [])
    balances[a.currency] = { available: a.amount, inbound_pending: 0, outbound_pending: 0 };
  await upsertFinancialAccount(db, {
    id: `issuing:${accountId}`,
    accountId,
    api: "v1",
    status: "open",
    balances,
    objectCreatedAt: business.createdAt,
    sourceAt,
  });
}
