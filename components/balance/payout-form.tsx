"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { ReviewActions } from "@/components/ui/review-actions";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import type { Moved } from "@/lib/issuing-balance/payout";
import { formatMoney, parseMoney } from "@/lib/money";

/**
 * A payout of the Issuing balance to the business's bank: an amount, then a review of exactly what
 * will move, then one confirm. The form's client token (made when the page rendered) makes a second
 * submit replay the first instead of paying out twice. It is kept until a payout succeeds: the page
 * refreshes itself when money moves, and a retry after an unknown outcome must send the same token.
 */
export function PayoutForm({
  action,
  clientToken,
  currency,
  available,
}: {
  action: FormAction<Moved>;
  clientToken: string;
  currency: string;
  /** What the balance holds (checked before review; the server checks again). */
  available: number;
}) {
  const [state, formAction] = useActionState(useStepUp(action), null);
  const [step, setStep] = useState<"edit" | "review">("edit");
  const [amount, setAmount] = useState("");
  const [local, setLocal] = useState<string | undefined>();
  const [lastState, setLastState] = useState(state);
  const [returned, setReturned] = useState(false);
  const [token, setToken] = useState(clientToken);
  const [renewToken, setRenewToken] = useState(false);
  if (state !== lastState) {
    setLastState(state);
    setStep("edit");
    if (state && !state.ok) setReturned(true);
    else if (state?.ok) {
      setAmount("");
      setRenewToken(true);
    }
  }
  const { fields, message } = formFeedback(state);
  const parsed = parseMoney(amount, currency);
  const code = currency.toUpperCase();

  function review() {
    const error = !parsed.ok
      ? parsed.message
      : parsed.amount > available
        ? `You have ${formatMoney(available, currency)} available`
        : undefined;
    setLocal(error);
    if (error) return;
    // A new payout after a paid one: the token of the page as it is now.
    if (renewToken) {
      setToken(clientToken);
      setRenewToken(false);
    }
    setStep("review");
  }

  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Pay out to your bank">
      <h3 className="font-medium">Pay out to your bank</h3>
      <input type="hidden" name="clientToken" value={token} />
      {state?.ok ? (
        <FormSuccess testId="payout-result">
          {formatMoney(state.data.amount, state.data.currency)} payout{" "}
          {state.data.status === "paid" ? "paid" : "is on its way"}.
        </FormSuccess>
      ) : null}
      <FormAlert message={message} />
      {step === "edit" ? (
        <>
          <Field
            label={`Amount (${code})`}
            name="amount"
            autoFocus={returned}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            placeholder="100.00"
            error={local ?? fields.amount}
            hint={`${formatMoney(available, currency)} available`}
          />
          <button
            type="button"
            onClick={review}
            className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Review payout
          </button>
        </>
      ) : (
        <>
          <input type="hidden" name="amount" value={amount} />
          <dl
            className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
            data-testid="payout-review"
          >
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Amount</dt>
              <dd className="font-semibold">{parsed.ok ? formatMoney(parsed.amount, currency) : amount}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Direction</dt>
              <dd className="text-right">From the Issuing balance to your bank account</dd>
            </div>
          </dl>
          <p className="text-xs text-slate-500">
            The amount leaves the balance now and reaches your bank in 1–2 business days.
          </p>
          <ReviewActions
            onBack={() => {
              setStep("edit");
              setReturned(true);
            }}
            confirm="Confirm payout"
            pending="Paying out…"
          />
        </>
      )}
    </form>
  );
}
