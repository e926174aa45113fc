import type { NewWalletEntry } from "@/db/queries/wallet-entries";

type Json = Record<string, unknown>;
export type WalletEntryRow = NewWalletEntry;
type Kind = WalletEntryRow["kind"];

const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});

/**
 * What a v2 transaction of the wallet means to the business, from its category and, for received
 * money, the received credit or debit behind it (a card spend or refund, the platform's funding,
 * a deposit). `fundingPayment` is the platform's outbound payment behind a funding credit, whose
 * `from.debited` says how many USD paid for these USDC.
 */
export function walletEntry(
  businessId: string,
  txn: Json,
  received: Json | null,
  fundingPayment: Json | null = null,
): WalletEntryRow {
  const flow = obj(txn.flow) as Record<string, string>;
  const flowType = String(flow.type ?? txn.category ?? "other");
  const flowId = flow[flowType] ?? null;
  const amount = obj(txn.amount) as { value?: number; currency?: string };
  const entry: WalletEntryRow = {
    id: String(txn.id),
    businessId,
    financialAccount: String(txn.financial_account),
    kind: "other",
    amount: Number(amount.value ?? 0),
    currency: String(amount.currency ?? "usdc"),
    status: String(txn.status ?? "posted"),
    flowType,
    flowId,
    objectCreatedAt: new Date(String(txn.created)),
  };
  const category = String(txn.category ?? "");
  const kinds: Record<string, Kind> = { outbound_transfer: "payout", return: "payout_return" };
  entry.kind = kinds[category] ?? "other";
  if (category === "outbound_transfer") entry.description = "Payout";
  if (category === "return") entry.description = "Payout returned";
  if ((category === "received_credit" || category === "received_debit") && received) {
    entry.description = typeof received.description === "string" ? received.description : null;
    if (received.type === "card_spend") entry.kind = category === "received_debit" ? "card_spending" : "card_refund";
    else if (
      category === "received_credit" &&
      received.type === "balance_transfer" &&
      obj(received.balance_transfer).outbound_payment
    ) {
      entry.kind = "funding";
      const debited = obj(obj(fundingPayment).from).debited as { value?: number; currency?: string } | undefined;
      if (debited?.value !== undefined) {
        entry.counterAmount = -Number(debited.value);
        entry.counterCurrency = String(debited.currency ?? "usd");
      }
    } else if (category === "received_credit") entry.kind = "deposit";
  }
  return entry;
}

/** The received credit/debit id behind a transaction, when it is one. */
export function receivedBehind(txn: Json): { path: string; id: string } | null {
  const category = String(txn.category ?? "");
  const flow = obj(txn.flow) as Record<string, string>;
  const id = flow[String(flow.type ?? category)];
  return (category === "received_credit" || category === "received_debit") && id
    ? { path: `/v2/money_management/${category}s/${encodeURIComponent(id)}`, id }
    : null;
}

/** The platform's outbound payment behind a funding credit, when it is one. */
export function fundingPaymentBehind(received: Json | null): string | null {
  const bt = obj(obj(received).balance_transfer);
  return obj(received).type === "balance_transfer" && typeof bt.outbound_payment === "string"
    ? bt.outbound_payment
    : null;
}
