import { formatMoney } from "@/lib/money";
import { ACCOUNT_STATE_LABELS, type AccountState } from "@/lib/admin/account-state";

/** "$1.00 · 5.00 USDC", or a dash when there is nothing. */
export function MoneyList({ amounts }: { amounts: Record<string, number> }) {
  const entries = Object.entries(amounts).filter(([, v]) => v !== 0);
  if (entries.length === 0) return <span className="text-slate-500">—</span>;
  return <span className="whitespace-nowrap">{entries.map(([c, v]) => formatMoney(v, c)).join(" · ")}</span>;
}

export function formatDate(d: Date | null | undefined): string {
  if (!d) return "—";
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "—";
  return (
    new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d) + " UTC"
  );
}

const STATE_STYLES: Record<AccountState, string> = {
  not_started: "bg-slate-100 text-slate-700",
  needs_details: "bg-amber-100 text-amber-800",
  verifying: "bg-sky-100 text-sky-800",
  active: "bg-emerald-100 text-emerald-800",
  restricted: "bg-red-100 text-red-800",
  closed: "bg-slate-200 text-slate-600",
};

export function StateBadge({ state }: { state: AccountState }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLES[state]}`}>
      {ACCOUNT_STATE_LABELS[state]}
    </span>
  );
}

export function StatusBadge({
  status,
  good = ["active", "succeeded", "posted", "open", "closed", "won"],
}: {
  status: string;
  good?: string[];
}) {
  const tone = good.includes(status)
    ? "bg-emerald-100 text-emerald-800"
    : status === "pending" || status === "processing"
      ? "bg-sky-100 text-sky-800"
      : "bg-slate-100 text-slate-700";
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${tone}`}>{status}</span>
  );
}

export const FUNDING_LABELS: Record<string, string> = {
  treasury: "Treasury (USD)",
  stablecoin: "Stablecoin (USDC)",
  issuing_balance: "Issuing balance",
};
