import "server-only";
import type Stripe from "stripe";
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { walletEntries, type Business } from "@/db/schema";
import { v2Request, type V2Object } from "@/lib/stripe/v2";
import { walletOf } from "@/lib/payouts/queries";

type Kind = (typeof walletEntries.$inferInsert)["kind"];
type Entry = typeof walletEntries.$inferInsert;
const PAGE = 50;
const MAX_PAGES = 40;

/**
 * Brings the wallet's history up to date from Stripe's v2 transactions, newest first, stopping
 * at the first page with nothing new (rows only change while pending, and new rows come first).
 */
export async function syncWalletEntries(db: DbOrTx, stripe: Stripe, business: Business): Promise<number> {
  const wallet = walletOf(business);
  if (!wallet) return 0;
  const get = (path: string, asPlatform = false) => v2Request(stripe, "GET", path, undefined, asPlatform ? {} : { account: wallet.account });
  let url: string | null = `/v2/money_management/transactions?financial_account=${encodeURIComponent(wallet.financialAccount)}&limit=${PAGE}`;
  let changed = 0;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const res: V2Object = await get(url);
    const rows = (res.data ?? []) as V2Object[];
    const ids = rows.map((r) => String(r.id));
    const known = ids.length ? await db.select({ id: walletEntries.id, status: walletEntries.status }).from(walletEntries).where(inArray(walletEntries.id, ids)) : [];
    const status = new Map(known.map((k) => [k.id, k.status]));
    const fresh = rows.filter((r) => status.get(String(r.id)) !== String(r.status));
    for (const txn of fresh) {
      const entry = await toEntry(business.id, txn, (p, platform) => get(p, platform));
      await db.insert(walletEntries).values(entry).onConflictDoUpdate({ target: walletEntries.id, set: { status: entry.status, amount: entry.amount, syncedAt: new Date() } });
    }
    changed += fresh.length;
    if (fresh.length === 0) break;
    url = typeof res.next_page_url === "string" ? res.next_page_url : null;
  }
  return changed;
}

/** What a transaction means to the business, from its category and, for received money, its source. */
async function toEntry(businessId: string, txn: V2Object, get: (path: string, asPlatform?: boolean) => Promise<V2Object>): Promise<Entry> {
  const flow = (txn.flow ?? {}) as Record<string, string>;
  const flowType = String(flow.type ?? txn.category ?? "other");
  const flowId = flow[flowType] ?? null;
  const amount = (txn.amount ?? {}) as { value?: number; currency?: string };
  const entry: Entry = {
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
  if ((category === "received_credit" || category === "received_debit") && flowId) {
    const received = await get(`/v2/money_management/${category}s/${encodeURIComponent(flowId)}`);
    entry.description = typeof received.description === "string" ? received.description : null;
    if (received.type === "card_spend") entry.kind = category === "received_debit" ? "card_spending" : "card_refund";
    else if (category === "received_credit" && received.type === "balance_transfer" && received.balance_transfer?.outbound_payment) {
      entry.kind = "funding";
      // The platform sent it: its outbound payment says how many USD it debited for these USDC.
      const obp = await get(`/v2/money_management/outbound_payments/${encodeURIComponent(String(received.balance_transfer.outbound_payment))}`, true).catch(() => null);
      const debited = obp?.from?.debited as { value?: number; currency?: string } | undefined;
      if (debited?.value !== undefined) {
        entry.counterAmount = -Number(debited.value);
        entry.counterCurrency = String(debited.currency ?? "usd");
      }
    } else if (category === "received_credit") entry.kind = "deposit";
  }
  return entry;
}
