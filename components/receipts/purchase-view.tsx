import "server-only";
import Link from "next/link";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { DeclineReason } from "@/components/cards/decline-reason";
import { getDb } from "@/db";
import type { Purchase } from "@/db/queries/receipts";
import { issuingTransactions, type Business } from "@/db/schema";
import type { FormAction } from "@/lib/actions/form-action";
import { explainDeclines } from "@/lib/cards/authorizations";
import { formatMoney } from "@/lib/money";
import { findReceipt } from "@/lib/receipts/storage";
import type { Uploaded } from "@/lib/receipts/upload";
import { getStripe } from "@/lib/stripe/client";
import { ReceiptUpload } from "./receipt-upload";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const STATUS: Record<string, string> = {
  pending: "Pending",
  closed: "Captured",
  reversed: "Reversed",
  expired: "Expired",
};

/** Stripe's itemized lines for the purchase's capture, when the merchant sent them. */
async function itemizedLines(accountId: string, authorizationId: string) {
  const [capture] = await getDb()
    .select({ id: issuingTransactions.id })
    .from(issuingTransactions)
    .where(
      and(
        eq(issuingTransactions.accountId, accountId),
        eq(issuingTransactions.authorizationId, authorizationId),
        eq(issuingTransactions.type, "capture"),
      ),
    )
    .limit(1);
  if (!capture) return [];
  try {
    const tx: Stripe.Issuing.Transaction = await getStripe().issuing.transactions.retrieve(
      capture.id,
      {},
      { stripeAccount: accountId },
    );
    return tx.purchase_details?.receipt ?? [];
  } catch {
    return [];
  }
}

/**
 * One purchase, for the business's pages and the cardholder's own: what, where, when, on which card,
 * why it was declined, the merchant's itemized lines, and its receipt (which `action` uploads).
 */
export async function PurchaseView({
  business,
  purchase,
  action,
  backHref,
  note,
}: {
  business: Business;
  purchase: Purchase;
  /** Present when the viewer may upload the receipt. */
  action: FormAction<Uploaded> | null;
  backHref: string;
  /** The category-and-memo form, for those who may code the purchase. */
  note?: React.ReactNode;
}) {
  const { a, card, holder } = purchase;
  const accountId = business.stripeAccountId!;
  const [explanations, lines, receipt] = await Promise.all([
    a.approved ? Promise.resolve(null) : explainDeclines(getDb(), accountId, [a]),
    itemizedLines(accountId, a.id),
    findReceipt(getDb(), { businessId: business.id, authorizationId: a.id }),
  ]);
  const amount = a.amount || a.merchantAmount;
  const status = a.approved ? (STATUS[a.status] ?? a.status) : "Declined";
  const src = `/api/receipts/${a.id}`;
  return (
    <section className="space-y-6" data-testid="purchase" data-purchase={a.id}>
      <div>
        <Link href={backHref} className="text-sm text-slate-600 hover:underline">
          ← Back
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{a.merchantName ?? "Purchase"}</h1>
        <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="purchase-amount">
          {formatMoney(amount, a.currency)}
        </p>
      </div>
      <dl className="grid gap-3 rounded-xl border border-slate-200 bg-white p-5 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd data-testid="purchase-status">{status}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Date</dt>
          <dd>{when.format(a.objectCreatedAt)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Card</dt>
          <dd>{card ? `${card.brand ?? "Card"} •••• ${card.last4}` : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Cardholder</dt>
          <dd>{holder?.name ?? "—"}</dd>
        </div>
        {a.approved ? null : (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Why it was declined</dt>
            <dd>
              <DeclineReason explanation={explanations?.get(a.id) ?? null} />
            </dd>
          </div>
        )}
      </dl>
      {note}
      {lines.length > 0 ? (
        <section aria-labelledby="itemized" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="itemized" className="text-lg font-semibold">
            Itemized by the merchant
          </h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="itemized">
            {lines.map((line, i) => (
              <li key={i} className="flex justify-between gap-2 py-2">
                <span>
                  {line.description ?? "Item"}
                  {line.quantity != null ? ` × ${line.quantity}` : ""}
                </span>
                <span className="tabular-nums">{line.total != null ? formatMoney(line.total, a.currency) : "—"}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="receipt" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="receipt" className="text-lg font-semibold">
          Receipt
        </h2>
        {receipt ? (
          <div data-testid="receipt" className="space-y-2">
            {receipt.contentType.startsWith("image/") && receipt.contentType !== "image/heic" ? (
              // eslint-disable-next-line @next/next/no-img-element -- the bytes come from our own route, unoptimized on purpose
              <img
                src={src}
                alt={`Receipt for ${a.merchantName ?? "this purchase"}`}
                className="max-h-96 rounded border"
              />
            ) : null}
            <p className="text-sm text-slate-600">
              <a href={src} target="_blank" rel="noopener" className="font-medium underline">
                Open {receipt.fileName}
              </a>{" "}
              ({(receipt.size / 1024).toFixed(0)} KB, uploaded {when.format(receipt.createdAt)})
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-600" data-testid="no-receipt">
            No receipt yet.
            {action ? " Upload a photo or PDF of it below." : " The cardholder or an owner or admin can add one."}
          </p>
        )}
        {action ? <ReceiptUpload action={action} purchase={a.id} replacing={Boolean(receipt)} /> : null}
      </section>
    </section>
  );
}
