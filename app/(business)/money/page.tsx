import type { Metadata } from "next";
import Link from "next/link";
import { BusinessConnect } from "@/components/connect/business-connect";
import { FinancialAccountPanel, TransactionsPanel } from "@/components/connect/embedded";
import { requireBusinessPage } from "@/lib/auth/session";
import { publishableKey } from "@/lib/config";
import { redirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { linkedBanks } from "@/lib/treasury/bank-accounts";
import { LinkBankForm, MoveMoneyInForm, VerifyBankForm } from "./move-money-forms";
import { createAccountSession } from "../connect-actions";

export const metadata: Metadata = { title: "Money" };

export default async function MoneyPage() {
  const ctx = await requireBusinessPage("money.view");
  if (!ctx) redirect("/onboarding");
  if (ctx.business.fundingModel !== "treasury") redirect("/dashboard");
  const fa = ctx.business.financialAccountId;
  const banks = fa ? await linkedBanks(getDb(), ctx.business.id) : [];
  const canMove = can(ctx.role, "money.move");
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Money</h1>
      {fa ? (
        <BusinessConnect
          publishableKey={publishableKey()}
          sessionKey={`${ctx.user.id}:${ctx.business.id}`}
          createAccountSession={createAccountSession}
        >
          <div className="space-y-6" data-testid="money-components">
            <FinancialAccountPanel financialAccount={fa} />
            <TransactionsPanel financialAccount={fa} />
          </div>
        </BusinessConnect>
      ) : null}
      {fa && canMove ? (
        <section
          className="grid gap-6 rounded-xl border border-slate-200 bg-white p-5 lg:grid-cols-2"
          aria-label="Bank accounts and transfers"
        >
          <div className="space-y-4">
            {banks
              .filter((b) => b.status === "pending")
              .map((b) => (
                <VerifyBankForm key={b.operationId} operation={b.operationId} last4={b.last4} />
              ))}
            <LinkBankForm clientToken={randomUUID()} />
          </div>
          <div className="space-y-3">
            {banks.some((b) => b.status === "succeeded") ? (
              <MoveMoneyInForm
                clientToken={randomUUID()}
                banks={banks
                  .filter((b) => b.status === "succeeded")
                  .map((b) => ({ value: b.operationId, label: `Bank account ••${b.last4}` }))}
              />
            ) : (
              <p className="text-sm text-slate-600">Link and verify a bank account to move money in.</p>
            )}
          </div>
        </section>
      ) : null}
      {!fa ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">Your financial account isn&apos;t open yet</h2>
          <p className="mt-2 text-slate-600">It opens as soon as Stripe has verified your business.</p>
          <Link href="/dashboard" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
            See what&apos;s still needed
          </Link>
        </div>
      ) : null}
    </section>
  );
}
