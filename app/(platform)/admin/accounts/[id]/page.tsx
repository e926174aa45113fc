import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CloseForm } from "@/components/admin/close-form";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { FundForm } from "@/components/admin/fund-form";
import { BankTransferDetailsList } from "@/components/balance/bank-transfer-details";
import { stripeMode } from "@/lib/config";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { bankTransferDetails } from "@/lib/issuing-balance/push-funding";
import { getStripe } from "@/lib/stripe/client";
import { IdentitySection, MoneySection } from "@/components/admin/review-identity";
import {
  ActivityLists,
  AuthorizationsSection,
  CardsSection,
  DecisionsSection,
} from "@/components/admin/review-activity";
import { CapturesPanel, captureCursor } from "@/components/disputes/captures-panel";
import { getDb } from "@/db";
import { getAccountReview } from "@/db/queries/account-review";
import { requirePlatformPage } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import {
  adminOpenDisputeAction,
  closeAction,
  freezeAction,
  fundAction,
  onboardingLinkAction,
  pauseAction,
  resumeAction,
  unfreezeAction,
} from "./actions";

export const metadata: Metadata = { title: "Account review" };

export default async function AccountReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ purchases?: string }>;
}) {
  await requirePlatformPage("platform.accounts.view");
  const { id } = await params;
  const r = isUuid(id) ? await getAccountReview(getDb(), id) : null;
  if (!r) notFound();
  const b = r.business;
  const { purchases } = await searchParams;
  const bankDetails =
    b.fundingModel === "issuing_balance" && b.stripeAccountId
      ? await bankTransferDetails(getStripe(), b).catch((err: unknown) => {
          console.error("account review: bank details unavailable", err);
          return null;
        })
      : null;
  return (
    <div className="space-y-8">
      <div>
        <Link href="/admin/accounts" className="text-sm text-slate-600 hover:underline">
          ← Accounts
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{b.legalName}</h1>
      </div>
      <section aria-labelledby="actions" className="space-y-3">
        <h2 id="actions" className="text-lg font-semibold">
          Actions
        </h2>
        <div className="grid gap-3 md:grid-cols-2">
          <div className="space-y-1">
            <h3 className="text-sm font-medium">Fund from the platform</h3>
            {b.fundingModel === "issuing_balance" ? (
              <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="text-slate-600">
                  Its Issuing balance is funded by bank transfer (Stripe: push funding in the UK and EEA). Send it from
                  the platform&apos;s bank to:
                </p>
                {bankDetails ? (
                  <BankTransferDetailsList details={bankDetails} />
                ) : (
                  <p className="mt-2 text-slate-500">Available once the business has finished onboarding.</p>
                )}
              </div>
            ) : null}
            {b.fundingModel !== "issuing_balance" || stripeMode() === "sandbox" ? (
              <FundForm
                action={fundAction}
                businessId={b.id}
                businessName={b.legalName}
                model={b.fundingModel}
                currency={b.fundingModel === "issuing_balance" ? balanceCurrencyFor(b.country) : "usd"}
              />
            ) : null}
          </div>
          <div className="space-y-2">
            <ConfirmAction
              action={onboardingLinkAction}
              businessId={b.id}
              kind="onboarding_link"
              label="Create onboarding link"
              confirmText="Creates a fresh single-use link to Stripe's onboarding for this business, for you to copy and send to its owner."
            />
            <ConfirmAction
              action={freezeAction}
              businessId={b.id}
              kind="freeze"
              label="Freeze all cards"
              confirmText="Every active card of this business becomes inactive: purchases are declined until unfrozen."
              danger
            />
            <ConfirmAction
              action={unfreezeAction}
              businessId={b.id}
              kind="unfreeze"
              label="Unfreeze cards"
              confirmText="Reactivates the cards the platform froze last time (cards the business froze itself stay frozen)."
            />
            {r.paused ? (
              <ConfirmAction
                action={resumeAction}
                businessId={b.id}
                kind="resume"
                label="Resume authorizations"
                confirmText="Turns this business's kill switch off: authorizations follow the platform's and the business's rules again."
              />
            ) : (
              <ConfirmAction
                action={pauseAction}
                businessId={b.id}
                kind="pause"
                label="Pause account"
                confirmText="Turns on this business's kill switch: every card authorization is declined until resumed."
                danger
              />
            )}
            <CloseForm action={closeAction} businessId={b.id} businessName={b.legalName} />
          </div>
        </div>
      </section>
      <IdentitySection r={r} />
      <MoneySection r={r} />
      <CardsSection r={r} />
      <AuthorizationsSection r={r} />
      {b.stripeAccountId ? (
        <CapturesPanel
          accountId={b.stripeAccountId}
          title="Captured purchases: dispute one for the business"
          action={adminOpenDisputeAction}
          hidden={{ businessId: b.id }}
          before={captureCursor(purchases)}
          olderHref={(cursor) => `/admin/accounts/${b.id}?purchases=${cursor}`}
        />
      ) : null}
      <DecisionsSection r={r} />
      <ActivityLists r={r} />
    </div>
  );
}
