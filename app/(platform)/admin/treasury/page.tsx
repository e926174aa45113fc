import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, Section, TableCard } from "@/components/admin/empty-state";
import { formatDateTime, MoneyList, StatusBadge } from "@/components/admin/format";
import { RevealNumber, SimulateWire } from "@/components/admin/treasury-controls";
import { appDeps } from "@/lib/admin/app-deps";
import { fundingHistory, platformTreasury, type PlatformTreasury } from "@/lib/admin/treasury";
import { requirePlatformPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { revealAction, simulateWireAction } from "./actions";

export const metadata: Metadata = { title: "Platform treasury" };

export default async function TreasuryPage() {
  await requirePlatformPage("platform.funding");
  const deps = appDeps();
  let treasury: PlatformTreasury | null = null;
  try {
    treasury = await platformTreasury(deps);
  } catch (err) {
    console.error("platform treasury unavailable", err);
  }
  const history = await fundingHistory(deps);
  const fa = treasury?.financialAccount;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Platform treasury</h1>
      <Section title="Balances" id="balances">
        {treasury === null ? (
          <EmptyState title="Stripe could not be reached">Reload in a moment.</EmptyState>
        ) : fa ? (
          <dl className="grid gap-3 sm:grid-cols-2">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-xs uppercase tracking-wide text-slate-500">Available</dt>
              <dd className="mt-1 text-2xl font-semibold" data-testid="platform-available">
                <MoneyList amounts={fa.available} />
              </dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-xs uppercase tracking-wide text-slate-500">Incoming</dt>
              <dd className="mt-1 text-2xl font-semibold">
                <MoneyList amounts={fa.inboundPending} />
              </dd>
            </div>
            {treasury.treasuryAccount ? (
              <div className="rounded-lg border border-slate-200 bg-white p-4">
                <dt className="text-xs uppercase tracking-wide text-slate-500">
                  Treasury account (funds US businesses)
                </dt>
                <dd className="mt-1 text-2xl font-semibold" data-testid="platform-treasury-available">
                  <MoneyList amounts={{ usd: treasury.treasuryAccount.cash }} />
                </dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <EmptyState title="The platform has no financial account">
            Stripe provisions it when money management is enabled for the platform.
          </EmptyState>
        )}
      </Section>
      <Section title="Financial address (ACH and wire)" id="address">
        {treasury?.addresses.length ? (
          <ul className="space-y-3">
            {treasury.addresses.map((a) => (
              <li key={a.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <p>
                  {a.bankName ?? "Bank"} · routing <span className="font-mono">{a.routingNumber ?? "pending"}</span> ·
                  account <span className="font-mono">•••• {a.last4 ?? "pending"}</span>{" "}
                  <StatusBadge status={a.status} />
                </p>
                {a.last4 ? <RevealNumber action={revealAction} addressId={a.id} /> : null}
                {deps.mode === "sandbox" && a.status === "active" ? (
                  <SimulateWire action={simulateWireAction} addressId={a.id} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No financial address yet">
            Create one for the platform&apos;s financial account to receive ACH and wires.
          </EmptyState>
        )}
      </Section>
      <Section title="Fundings to accounts" id="fundings">
        {history.length ? (
          <TableCard label="Fundings">
            <thead className="bg-slate-50">
              <tr>
                <th>When</th>
                <th>Business</th>
                <th>Amount</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="funding-history">
              {history.map(({ op, business, businessId }) => (
                <tr key={op.id}>
                  <td className="whitespace-nowrap">{formatDateTime(op.createdAt)}</td>
                  <td>
                    {businessId ? (
                      <Link href={`/admin/accounts/${businessId}`} className="text-brand-700 hover:underline">
                        {business}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{formatMoney(op.amount ?? 0, op.currency ?? "usd")}</td>
                  <td>
                    <StatusBadge status={op.status} />
                    {op.error ? <span className="ml-1 text-xs text-red-700">{op.error}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableCard>
        ) : (
          <EmptyState title="No fundings yet">Fund an account from its review page.</EmptyState>
        )}
      </Section>
    </div>
  );
}
