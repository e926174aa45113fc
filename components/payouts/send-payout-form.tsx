"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { formFeedback } from "@/lib/actions/form-action";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { ReviewActions } from "@/components/ui/review-actions";
import type { ActionResult } from "@/lib/errors";
import { formatMoney, parseMoney } from "@/lib/money";
import type { SentPayout } from "@/lib/payouts/send";
import { NetworkBadge } from "./network-badge";

export type DestinationOption = {
  id: string;
  label: string;
  network: string | null;
  address: string;
  currency: string;
};
type Action = (prev: ActionResult<SentPayout> | null, form: FormData) => Promise<ActionResult<SentPayout>>;

/**
 * Amount and destination, then a review of exactly what will be sent, then one confirm. The
 * form's client token (made when the page rendered) makes a second submit replay the first.
 */
export function SendPayoutForm({
  action,
  clientToken,
  destinations,
  available,
}: {
  action: Action;
  clientToken: string;
  destinations: DestinationOption[];
  available: number | null;
}) {
  const [state, formAction] = useActionState(useStepUp(action), null);
  const [step, setStep] = useState<"edit" | "review">("edit");
  const [amount, setAmount] = useState("");
  const [destinationId, setDestinationId] = useState(destinations[0]?.id ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [lastState, setLastState] = useState(state);
  // Keyboard and screen-reader users follow the steps: the review takes focus on its confirm
  // button, and coming back to editing (Back, or a refused send) puts focus on the amount.
  const [returned, setReturned] = useState(false);
  // A refused send goes back to editing, with the server's message next to the field.
  if (state !== lastState) {
    setLastState(state);
    if (state && !state.ok) {
      setStep("edit");
      setReturned(true);
    }
  }
  const { fields: server, message } = formFeedback(state);
  const dest = destinations.find((d) => d.id === destinationId);
  const parsed = parseMoney(amount, "usdc");

  function review() {
    const errors: Record<string, string> = {};
    if (!parsed.ok) errors.amount = parsed.message;
    else if (available !== null && parsed.amount > available)
      errors.amount = `You have ${formatMoney(available, "usdc")} available`;
    if (!dest) errors.destinationId = "Choose a destination";
    setLocal(errors);
    if (Object.keys(errors).length === 0) setStep("review");
  }

  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Send USDC">
      <input type="hidden" name="clientToken" value={clientToken} />
      {state?.ok ? (
        <FormSuccess testId="payout-sent">
          {formatMoney(state.data.amount, "usdc")} is on its way ({state.data.status}).
        </FormSuccess>
      ) : null}
      <FormAlert message={message} />
      {step === "edit" ? (
        <>
          <Field
            label="Amount (USDC)"
            name="amount"
            autoFocus={returned}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            placeholder="10.00"
            error={local.amount ?? server.amount}
            hint={available !== null ? `${formatMoney(available, "usdc")} available` : undefined}
          />
          <SelectField
            label="Destination"
            name="destinationId"
            value={destinationId}
            onChange={(e) => setDestinationId(e.target.value)}
            options={destinations.map((d) => ({ value: d.id, label: `${d.label} · ${d.address}` }))}
            error={local.destinationId ?? server.destinationId}
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
          <input type="hidden" name="destinationId" value={destinationId} />
          <dl
            className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
            data-testid="payout-review"
          >
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Amount</dt>
              <dd className="font-semibold">{parsed.ok ? formatMoney(parsed.amount, "usdc") : amount}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">To</dt>
              <dd className="text-right">{dest?.label}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">{dest?.network ? "Address" : "Account"}</dt>
              <dd className="break-all text-right font-mono text-xs">{dest?.address}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">{dest?.network ? "Network" : "Currency"}</dt>
              <dd>{dest?.network ? <NetworkBadge network={dest.network} /> : dest?.currency.toUpperCase()}</dd>
            </div>
          </dl>
          <p className="text-xs text-slate-500">
            Crypto payouts can&apos;t be reversed once posted. Check the address and network.
          </p>
          <ReviewActions
            onBack={() => {
              setStep("edit");
              setReturned(true);
            }}
            confirm="Confirm and send"
            pending="Sending…"
          />
        </>
      )}
    </form>
  );
}
