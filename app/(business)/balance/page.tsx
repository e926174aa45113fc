import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { BankTransferDetailsList } from "@/components/balance/bank-transfer-details";
import { PayoutForm } from "@/components/balance/payout-form";
import { MoveList } from "@/components/balance/move-list";
import { BalanceCards } from "@/components/dashboard/balances";
import { LiveMoneyUpdates } from "@/components/live-money-updates";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { readIssuingBalance, type IssuingBalance } from "@/lib/issuing-balance/balance";
import { bankTransferDetails, type BankTransferDetails } from "@/lib/issuing-balance/push-funding";
import { moneyVersion } from "@/lib/live-updates/version";
import { getStripe } from "@/lib/stripe/client";
import { payOutAction } from "./actions";

export const metadata: Metadata = { title: "Issuing balance" };

async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    console.error("balance page: Stripe unavailable", err);
    return null;
  }
}

/** UK and EEA businesses: the Issuing balance their cards spend from, its top-ups and payouts. */
export default async function BalancePage() {
  const ctx = await requireBusinessPage("money.view");
  if (!ctx) redirect("/onboarding");
  const { business } = ctx;
  if (business.fundingModel !== "issuing_balance") redirect("/dashboard");
  if (!business.stripeAccountId)
    return (
      <section className="space-y-6">
        <h1 className="text-2xl font-semibold">Issuing balance</h1>
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">Your Issuing balance isn&apos;t open yet</h2>
          <p className="mt-2 text-slate-600">It opens as soon as Stripe has verified your business.</p>
          <Link href="/dashboard" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
            See what&apos;s still needed
          </Link>
        </div>
      </section>
    );
  // Read first: money that moves while the page reads is then a change the poller sees.
  const version = await moneyVersion(getDb(), business);
  const [balance, details]: [IssuingBalance | null, BankTransferDetails | null] = await Promise.all([
    orNull(() => readIssuingBalance(getStripe(), business)),
    orNull(() => bankTransferDetails(getStripe(), business)),
  ]);
  const canMove = can(ctx.role, "money.move");
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Issuing balance</h1>
        <p className="text-sm text-slate-500">
          Your cards spend from this balance, in {balance?.currency.toUpperCase() ?? "your currency"}. Add money by bank
          transfer; pay out what you don&apos;t need.
        </p>
        <LiveMoneyUpdates version={version} />
      </div>
      {balance ? (
        <>
          <BalanceCards balances={balance} />
          <div className="grid gap-6 lg:grid-cols-2">
            <Panel title="Add money by bank transfer">
              <p className="mt-1 text-sm text-slate-600">
                Send a transfer from your bank to these details. It arrives as a top-up, usually within hours (UK Faster
                Payments) or a day (SEPA).
              </p>
              {details ? (
                <BankTransferDetailsList details={details} />
              ) : (
                <p role="status" className="mt-3 text-sm text-slate-600">
                  Your bank details appear here once Stripe has verified your business. Refresh in a moment.
                </p>
              )}
            </Panel>
            {canMove ? (
              <section className="rounded-xl border border-slate-200 bg-white p-5">
                <PayoutForm
                  action={payOutAction}
                  clientToken={randomUUID()}
                  currency={balance.currency}
                  available={balance.available}
                />
              </section>
            ) : null}
          </div>
          <Panel title="Money in and out">
            <MoveList moves={balance.moves} />
          </Panel>
        </>
      ) : (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Stripe could not be reached, so the balance can&apos;t be shown. Refresh in a moment.
        </p>
      )}
    </section>
  );
}
