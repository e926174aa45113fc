import "server-only";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { saveWalletEntry, walletEntryStatuses, type NewWalletEntry } from "@/db/queries/wallet-entries";
import type { Business } from "@/db/schema";
import { v2Request, type V2Object } from "@/lib/stripe/v2";
import { walletOf } from "@/lib/wallet/account";
import { fundingPaymentBehind, receivedBehind, walletEntry } from "./entries";

const PAGE = 50;
const MAX_PAGES = 40;

/**
 * Brings the wallet's history up to date from Stripe's v2 transactions, newest first, stopping
 * at the first page with nothing new (rows only change while pending, and new rows come first).
 */
export async function syncWalletEntries(db: DbOrTx, stripe: Stripe, business: Business): Promise<number> {
  const wallet = walletOf(business);
  if (!wallet) return 0;
  const get = (path: string, asPlatform = false) =>
    v2Request(stripe, "GET", path, undefined, asPlatform ? {} : { account: wallet.account });
  let url: string | null =
    `/v2/money_management/transactions?financial_account=${encodeURIComponent(wallet.financialAccount)}&limit=${PAGE}`;
  let changed = 0;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const res: V2Object = await get(url);
    const rows = (res.data ?? []) as V2Object[];
    const ids = rows.map((r) => String(r.id));
    const status = await walletEntryStatuses(db, { businessId: business.id, ids });
    const fresh = rows.filter((r) => status.get(String(r.id)) !== String(r.status));
    for (const txn of fresh) {
      const entry = await toEntry(business.id, txn, (p, platform) => get(p, platform));
      await saveWalletEntry(db, entry);
    }
    changed += fresh.length;
    if (fresh.length === 0) break;
    url = typeof res.next_page_url === "string" ? res.next_page_url : null;
  }
  return changed;
}

/** What a transaction means to the business, reading the received credit/debit (and funding payment) behind it. */
async function toEntry(
  businessId: string,
  txn: V2Object,
  get: (path: string, asPlatform?: boolean) => Promise<V2Object>,
): Promise<NewWalletEntry> {
  const behind = receivedBehind(txn);
  const received = behind ? await get(behind.path) : null;
  const payment = fundingPaymentBehind(received);
  // The platform sent it: its outbound payment says how many USD it debited for these USDC.
  const obp = payment
    ? await get(`/v2/money_management/outbound_payments/${encodeURIComponent(payment)}`, true).catch(() => null)
    : null;
  return walletEntry(businessId, txn, received, obp);
}
