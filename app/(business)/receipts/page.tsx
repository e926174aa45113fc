import type { Metadata } from "next";
import Link from "next/link";
import { MissingReceiptsList } from "@/components/receipts/missing-receipts";
import { ReceiptPolicyForm } from "@/components/receipts/receipt-policy-form";
import { getDb } from "@/db";
import { accountCardholders, getSpendPolicy } from "@/db/queries/receipts";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { formatDecimal, formatMoney } from "@/lib/money";
import { missingReceipts } from "@/lib/receipts/missing";
import { policyCurrency } from "@/lib/receipts/policy";
import { saveReceiptPolicyAction } from "./actions";

export const metadata: Metadata = { title: "Receipts" };

/** The receipt policy (owners set it) and the purchases still missing their receipt, per cardholder. */
export default async function ReceiptsPage({
  searchParams,
}: {
  searchParams: Promise<{ cardholder?: string | string[]; page?: string | string[] }>;
}) {
  const ctx = await requireBusinessPage("cards.view");
  if (!ctx) return null;
  const sp = await searchParams;
  const cardholder = typeof sp.cardholder === "string" && /^ich_\w{1,64}$/.test(sp.cardholder) ? sp.cardholder : null;
  const page = typeof sp.page === "string" && /^\d{1,5}$/.test(sp.page) ? Number(sp.page) : 1;
  const db = getDb();
  const currency = policyCurrency(ctx.business);
  const accountId = ctx.business.stripeAccountId;
  const [policy, missing, holders] = await Promise.all([
    getSpendPolicy(db, { businessId: ctx.business.id }),
    missingReceipts(db, ctx.business, { cardholderId: cardholder, page }),
    accountId ? accountCardholders(db, { accountId }) : Promise.resolve([]),
  ]);
  const above = policy?.receiptRequiredAbove ?? null;
  const link = (p: number) =>
    `/receipts?${new URLSearchParams({ ...(cardholder ? { cardholder } : {}), page: String(p) })}`;
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Receipts</h1>
        <p className="mt-1 text-sm text-slate-600">
          {above == null
            ? "No receipts are required yet."
            : `A receipt is required for purchases above ${formatMoney(above, currency)}${policy?.freezeAfterDays ? `; a cardholder's cards freeze when one is more than ${policy.freezeAfterDays} days late` : ""}.`}
        </p>
      </div>
      {can(ctx.role, "spend.policy") ? (
        <section aria-labelledby="policy" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="policy" className="mb-3 text-lg font-semibold">
            Policy
          </h2>
          <ReceiptPolicyForm
            action={saveReceiptPolicyAction}
            currency={currency}
            requiredAbove={above == null ? "" : formatDecimal(above, currency)}
            freezeAfterDays={policy?.freezeAfterDays ? String(policy.freezeAfterDays) : ""}
          />
        </section>
      ) : null}
      <section aria-labelledby="missing" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="missing" className="text-lg font-semibold">
            Missing receipts {missing ? <span data-testid="missing-count">({missing.count})</span> : null}
          </h2>
          <form method="get" className="flex items-end gap-2 text-sm">
            <label className="block">
              <span className="block text-slate-600">Cardholder</span>
              <select
                name="cardholder"
                defaultValue={cardholder ?? ""}
                className="rounded-md border border-slate-300 px-2 py-1"
              >
                <option value="">Everyone</option>
                {holders.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50"
            >
              Show
            </button>
          </form>
        </div>
        {!missing ? (
          <p className="text-sm text-slate-600">
            Set an amount above which a receipt is required
            {can(ctx.role, "spend.policy") ? " in the policy above" : " (an owner can)"}, and purchases without one are
            listed here.
          </p>
        ) : missing.count === 0 ? (
          <p className="text-sm text-slate-600" data-testid="no-missing">
            Every purchase that needs a receipt has one.
          </p>
        ) : (
          <>
            <MissingReceiptsList rows={missing.rows} hrefOf={(id) => `/purchases/${id}`} showCardholder={!cardholder} />
            <nav className="flex justify-between text-sm" aria-label="Pages">
              {missing.page > 1 ? <Link href={link(missing.page - 1)}>← Newer</Link> : <span />}
              {missing.page * missing.pageSize < missing.count ? (
                <Link href={link(missing.page + 1)}>Older →</Link>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </section>
  );
}
