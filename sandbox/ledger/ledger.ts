import type { Store, Tx } from "../store/store";
import { newId } from "../store/ids";

/**
 * The sandbox's one double-entry ledger. Every balance anywhere (v1 Treasury buckets, v2
 * financial-account balances, Issuing balances) is a `Balance` row here, and every money
 * movement is a `Journal` whose lines sum to zero in its currency. Money that enters or
 * leaves Stripe is booked against an external holder (`ext:…`), so the sum over all
 * holders, external ones included, is zero per currency at all times.
 *
 * Everything runs inside the request's `Tx`: the journal, its balances and the flow objects
 * that caused them commit (and reach the WAL) together, and because handlers are
 * synchronous two requests can never both spend the same last dollar.
 */

/** v1 calls the spendable bucket `cash`, v2 calls it `available`; it is the same bucket. */
export type Bucket = "cash" | "inbound_pending" | "outbound_pending";
export const BUCKETS: readonly Bucket[] = ["cash", "inbound_pending", "outbound_pending"];

export type Amounts = Record<Bucket, number>;
export type Balance = { holder: string; currency: string } & Amounts;
export type Line = { holder: string; bucket: Bucket; amount: number };
export type Journal = {
  id: string;
  currency: string;
  lines: Line[];
  /** The flow that caused it (`obp_…`, `ibt_…`, `iauth_…`), for tracing and reconciliation. */
  flow: { type: string; id: string } | null;
  created_ms: number;
};

export const BALANCES = "ledger_balances";
export const JOURNALS = "ledger_journals";

/** Holders outside Stripe (banks, card networks, the FX desk); their balances may be negative. */
export const EXTERNAL = {
  bank: "ext:bank",
  fx: "ext:fx",
  card: "ext:card_network",
  stripe: "ext:stripe",
  crypto: "ext:crypto_network",
} as const;
export const isExternal = (holder: string) => holder.startsWith("ext:");

/** A business failure of a posting; resources turn it into their own Stripe-shaped error. */
export class LedgerError extends Error {
  constructor(
    readonly code: "insufficient_funds" | "invalid_amount" | "unbalanced",
    readonly details: { holder?: string; currency?: string; bucket?: Bucket; available?: number; needed?: number },
    message: string,
  ) {
    super(message);
  }
}

const key = (holder: string, currency: string) => `${holder}|${currency}`;
const zero = (holder: string, currency: string): Balance => ({
  holder,
  currency,
  cash: 0,
  inbound_pending: 0,
  outbound_pending: 0,
});

/** A holder's buckets in one currency (zeros when nothing was ever booked). */
export function balanceOf(reader: Tx | Store, holder: string, currency: string): Balance {
  return { ...(reader.get<Balance>(BALANCES, key(holder, currency))?.data ?? zero(holder, currency)) };
}

export function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new LedgerError(
      "invalid_amount",
      { needed: amount },
      `Amounts must be positive integers in minor units (got ${amount}).`,
    );
  }
}

/**
 * Books one journal. Lines must sum to zero; no bucket of an internal holder may end below
 * zero (so spending more than `cash` throws `insufficient_funds` and nothing is written).
 */
export function post(
  tx: Tx,
  input: { currency: string; lines: Line[]; flow?: { type: string; id: string } | null; nowMs: number },
): Journal {
  const { currency, lines } = input;
  for (const l of lines)
    if (!Number.isSafeInteger(l.amount))
      throw new LedgerError("invalid_amount", { needed: l.amount }, `Not an integer amount: ${l.amount}`);
  if (lines.reduce((s, l) => s + l.amount, 0) !== 0)
    throw new LedgerError("unbalanced", { currency }, "Journal lines must sum to zero.");
  const touched = new Map<string, Balance>();
  for (const l of lines) {
    const k = key(l.holder, currency);
    const b = touched.get(k) ?? balanceOf(tx, l.holder, currency);
    b[l.bucket] += l.amount;
    touched.set(k, b);
  }
  for (const b of touched.values()) {
    if (isExternal(b.holder)) continue;
    for (const bucket of BUCKETS) {
      if (b[bucket] < 0) {
        const before = balanceOf(tx, b.holder, currency);
        const needed = -lines
          .filter((l) => l.holder === b.holder && l.bucket === bucket)
          .reduce((s, l) => s + l.amount, 0);
        throw new LedgerError(
          "insufficient_funds",
          { holder: b.holder, currency, bucket, available: before[bucket], needed },
          `Insufficient funds: ${b.holder} has ${before[bucket]} ${currency} in ${bucket}, needs ${needed}.`,
        );
      }
    }
  }
  for (const [k, b] of touched) tx.put<Balance>(BALANCES, k, { owner: "", data: b });
  const journal: Journal = {
    id: newId(tx, "lj"),
    currency,
    lines: lines.filter((l) => l.amount !== 0),
    flow: input.flow ?? null,
    created_ms: input.nowMs,
  };
  tx.put<Journal>(JOURNALS, journal.id, { owner: "", data: journal });
  return journal;
}

/** What one journal did to one holder, bucket by bucket (a Treasury `balance_impact`). */
export function impactOn(journal: Journal, holder: string): Amounts {
  const out: Amounts = { cash: 0, inbound_pending: 0, outbound_pending: 0 };
  for (const l of journal.lines) if (l.holder === holder) out[l.bucket] += l.amount;
  return out;
}
