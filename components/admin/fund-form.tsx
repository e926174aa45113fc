"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { formatMoney, parseMoney } from "@/lib/money";

type Funded = { debited: { amount: number; currency: string }; credited: { amount: number; currency: string } };
type Result = ActionResult<Funded> | null;

/** A fresh token per funding: a double submit of one form reuses it, so money moves once. */
function newToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const btn =
  "rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60";

export function FundForm({
  action,
  businessId,
  businessName,
  model,
  currency,
}: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  businessId: string;
  businessName: string;
  model: "treasury" | "stablecoin" | "issuing_balance";
  /** What the funding is sent in: USD from the platform, or the Issuing balance's own currency. */
  currency: string;
}) {
  const stablecoin = model === "stablecoin";
  const topUp = model === "issuing_balance";
  const [token, setToken] = useState(newToken);
  const [amount, setAmount] = useState("");
  const [review, setReview] = useState<number | null>(null);
  const amountField = useRef<HTMLInputElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [localError, setLocalError] = useState<string | undefined>();
  const guarded = useStepUp(action);
  const [result, submit, pending] = useActionState(async (prev: Result, form: FormData) => {
    const r = await guarded(prev, form);
    if (r?.ok) {
      setToken(newToken());
      setAmount("");
    }
    return r;
  }, null);
  const serverError = result && !result.ok ? result.error : undefined;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseMoney(amount, currency);
          if (!parsed.ok) return setLocalError(parsed.message);
          setLocalError(undefined);
          setReview(parsed.amount);
        }}
      >
        <Field
          ref={amountField}
          label={`Amount (${currency.toUpperCase()})`}
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={localError ?? serverError?.fields?.amount}
          hint={
            topUp
              ? "Sandbox: stands in for a bank transfer from the platform's bank to the business's Issuing balance"
              : "Sent from the platform's USD financial account"
          }
        />
        <button type="submit" aria-haspopup="dialog" className={`${btn} bg-brand-600 text-white hover:bg-brand-700`}>
          Review funding
        </button>
      </form>
      {/* After Cancel or Confirm, focus goes back to the amount (not to <body>). */}
      <ConfirmDialog
        open={review !== null}
        onOpenChange={(open) => {
          if (!open) setReview(null);
        }}
        title="Confirm funding"
        description={
          review === null ? null : (
            <p data-testid="fund-confirm-text">
              {topUp ? "Transfer" : "Send"} <strong>{formatMoney(review, currency)}</strong>{" "}
              {topUp ? "by bank transfer into the Issuing balance of" : "from the platform to"}{" "}
              <strong>{businessName}</strong>
              {stablecoin ? (
                <>
                  , converted to USDC: they receive about <strong>{formatMoney(review, "usdc")}</strong> at the current
                  rate.
                </>
              ) : (
                "."
              )}
            </p>
          )
        }
        initialFocus={confirm}
        returnFocus={amountField}
      >
        {(cancel) => (
          <form
            action={(form) => {
              setReview(null);
              submit(form);
            }}
            className="flex gap-2"
          >
            <input type="hidden" name="businessId" value={businessId} />
            <input type="hidden" name="amount" value={amount} />
            <input type="hidden" name="clientToken" value={token} />
            <button ref={confirm} type="submit" className={`${btn} bg-brand-600 text-white hover:bg-brand-700`}>
              Confirm funding
            </button>
            {cancel}
          </form>
        )}
      </ConfirmDialog>
      {pending ? (
        <p role="status" className="text-sm text-slate-500">
          Sending…
        </p>
      ) : null}
      {serverError && !serverError.fields?.amount ? <FormAlert message={serverError.message} /> : null}
      {result?.ok && !pending ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="fund-result">
          Sent {formatMoney(result.data.debited.amount, result.data.debited.currency)}; {businessName} received{" "}
          {formatMoney(result.data.credited.amount, result.data.credited.currency)}.
        </p>
      ) : null}
    </div>
  );
}
