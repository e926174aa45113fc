import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WalletClosed } from "@/components/payouts/wallet-closed";
import { WalletHistory } from "@/components/payouts/wallet-history";
import { LiveMoneyUpdates } from "@/components/live-money-updates";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { getDb } from "@/db";
import { WALLET_ENTRY_KINDS } from "@/db/schema";
import { requireBusinessPage } from "@/lib/auth/session";
import { moneyVersion } from "@/lib/live-updates/version";
import { formatMoney } from "@/lib/money";
import { walletOf } from "@/lib/wallet/account";
import { currentBalance } from "@/lib/wallet/balance";
import { historyFilterSchema, KIND_LABELS, listWalletEntries, type HistoryFilter } from "@/lib/wallet/history";

export const metadata: Metadata = { title: "USDC wallet" };

const query = (f: HistoryFilter, page?: number) => {
  const p = new URLSearchParams();
  if (f.type) p.set("type", f.type);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (page && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
};

export default async function WalletPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireBusinessPage("money.view");
  if (!ctx) redirect("/onboarding");
  if (ctx.business.fundingModel !== "stablecoin") redirect("/dashboard");
  if (!walletOf(ctx.business)) return <WalletClosed />;
  const filter = historyFilterSchema.parse(await searchParams);
  const db = getDb();
  // Read first: money that moves while the page reads is then a change the poller sees.
  const version = await moneyVersion(db, ctx.business);
  // The history is kept current by the events that move money (thin events); the balance is read live.
  const [balance, history] = await Promise.all([
    currentBalance(ctx.business),
    listWalletEntries(db, { businessId: ctx.business.id, filter }),
  ]);
  const filtered = Boolean(filter.type || filter.from || filter.to);
  const cards = [
    { label: "Available", value: balance?.available, testId: "wallet-available" },
    {
      label: "Pending",
      value: balance ? balance.pending + balance.outgoing : undefined,
      testId: "wallet-pending",
      hint: "Incoming and payouts on their way",
    },
  ];
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">USDC wallet</h1>
          <LiveMoneyUpdates version={version} />
        </div>
        <Link href="/payouts" className="text-sm font-medium text-brand-600 hover:underline">
          Send a payout
        </Link>
      </header>
      <div className="grid gap-4 sm:grid-cols-2">
        {cards.map((c) => (
          <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{c.label}</p>
            <p className="mt-1 text-2xl font-semibold" data-testid={c.testId}>
              {c.value === undefined ? "Unavailable right now" : formatMoney(c.value, "usdc")}
            </p>
            {c.hint ? <p className="text-xs text-slate-500">{c.hint}</p> : null}
          </div>
        ))}
      </div>
      <FilterBar
        label="Filter history"
        clearHref={filtered ? "/wallet" : undefined}
        trailing={
          <a href={`/wallet/export${query(filter)}`} className="font-medium text-brand-600 hover:underline" download>
            Export CSV
          </a>
        }
      >
        <SelectField
          label="Type"
          name="type"
          defaultValue={filter.type ?? ""}
          placeholder="All"
          options={WALLET_ENTRY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <Field label="From" name="from" type="date" defaultValue={filter.from} />
        <Field label="To" name="to" type="date" defaultValue={filter.to} />
      </FilterBar>
      <WalletHistory rows={history.rows} filtered={filtered} />
      <nav className="flex justify-between text-sm" aria-label="History pages">
        {history.page > 1 ? (
          <Link href={`/wallet${query(filter, history.page - 1)}`} className="text-brand-600 hover:underline">
            Newer
          </Link>
        ) : (
          <span />
        )}
        {history.hasMore ? (
          <Link href={`/wallet${query(filter, history.page + 1)}`} className="text-brand-600 hover:underline">
            Older
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
