import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArchiveDestinationButton } from "@/components/payouts/archive-button";
import { BankAccountForm } from "@/components/payouts/bank-account-form";
import { CryptoWalletForm } from "@/components/payouts/crypto-wallet-form";
import { DestinationList } from "@/components/payouts/destination-list";
import { PayoutList } from "@/components/payouts/payout-list";
import { SandboxPayoutControls } from "@/components/payouts/sandbox-controls";
import { SendPayoutForm } from "@/components/payouts/send-payout-form";
import { WalletClosed } from "@/components/payouts/wallet-closed";
import { getDb } from "@/db";
import { listDestinations } from "@/db/queries/payout-destinations";
import { listPayouts } from "@/db/queries/payouts";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { stripeMode } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { walletOf } from "@/lib/wallet/account";
import { currentBalance } from "@/lib/wallet/balance";
import {
  addBankDestinationAction,
  addCryptoDestinationAction,
  archiveDestinationAction,
  drivePayoutAction,
  sendPayoutAction,
} from "./actions";

export const metadata: Metadata = { title: "Payouts" };
const PER_PAGE = 20;

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireBusinessPage("money.view");
  if (!ctx) redirect("/onboarding");
  if (ctx.business.fundingModel !== "stablecoin") redirect("/dashboard");
  if (!walletOf(ctx.business)) return <WalletClosed />;
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const db = getDb();
  const [balance, destinations, payouts] = await Promise.all([
    currentBalance(ctx.business),
    listDestinations(db, { businessId: ctx.business.id, includeArchived: true }),
    listPayouts(db, { businessId: ctx.business.id, limit: PER_PAGE + 1, offset: (page - 1) * PER_PAGE }),
  ]);
  const active = destinations.filter((d) => !d.archived);
  const manage = can(ctx.role, "payouts.manage");
  const sandbox = stripeMode() === "sandbox" && manage;
  return (
    <section className="space-y-8">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Payouts</h1>
        <p className="text-sm text-slate-600" data-testid="payout-available">
          Available:{" "}
          <span className="font-semibold text-slate-900">
            {balance ? formatMoney(balance.available, "usdc") : "unavailable right now"}
          </span>
        </p>
      </header>
      <div className="grid gap-8 lg:grid-cols-2">
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">Send USDC</h2>
          {!manage ? (
            <p
              className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600"
              data-testid="send-not-allowed"
            >
              Only owners and admins can send payouts. Ask one of them to send it for you.
            </p>
          ) : active.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
              Add a destination below first, then send USDC to it.
            </p>
          ) : (
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <SendPayoutForm
                action={sendPayoutAction}
                clientToken={randomUUID()}
                available={balance?.available ?? null}
                destinations={active.map((d) => ({
                  id: d.id,
                  label: d.label,
                  network: d.network,
                  address: d.address,
                  currency: d.currency,
                }))}
              />
            </div>
          )}
        </div>
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">Destinations</h2>
          <DestinationList
            destinations={active}
            actions={
              manage
                ? (d) => (
                    <ArchiveDestinationButton action={archiveDestinationAction} destinationId={d.id} label={d.label} />
                  )
                : undefined
            }
          />
        </div>
      </div>
      {manage ? (
        <div className="grid gap-8 lg:grid-cols-2">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-3 text-lg font-semibold">Add a crypto wallet</h2>
            <CryptoWalletForm action={addCryptoDestinationAction} clientToken={randomUUID()} />
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-3 text-lg font-semibold">Add a bank account</h2>
            <BankAccountForm action={addBankDestinationAction} clientToken={randomUUID()} />
          </div>
        </div>
      ) : null}
      <div className="space-y-3">
        <h2 className="text-lg font-semibold">History</h2>
        <PayoutList
          payouts={payouts.slice(0, PER_PAGE)}
          destinations={destinations}
          controls={
            sandbox
              ? (p, status) => <SandboxPayoutControls action={drivePayoutAction} payoutId={p.id} status={status} />
              : undefined
          }
        />
        <nav className="flex justify-between text-sm" aria-label="Payout pages">
          {page > 1 ? (
            <Link href={`/payouts?page=${page - 1}`} className="text-brand-600 hover:underline">
              Newer
            </Link>
          ) : (
            <span />
          )}
          {payouts.length > PER_PAGE ? (
            <Link href={`/payouts?page=${page + 1}`} className="text-brand-600 hover:underline">
              Older
            </Link>
          ) : null}
        </nav>
      </div>
    </section>
  );
}
