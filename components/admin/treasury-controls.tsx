"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { formatMoney } from "@/lib/money";

type Act<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T> | null>;
const btn =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600";

/** The full account number appears only when asked for; each reveal is written to the audit log. */
export function RevealNumber({ action, addressId }: { action: Act<{ accountNumber: string }>; addressId: string }) {
  const [result, submit, pending] = useActionState(useStepUp(action), null);
  return (
    <form action={submit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="addressId" value={addressId} />
      {result?.ok ? (
        <span>
          Account number:{" "}
          <span className="font-mono" data-testid="account-number">
            {result.data.accountNumber}
          </span>
        </span>
      ) : (
        <button type="submit" className={btn} disabled={pending}>
          {pending ? "Revealing…" : "Reveal full account number"}
        </button>
      )}
      {result && !result.ok ? <FormAlert message={result.error.message} /> : null}
    </form>
  );
}

/** Sandbox mode only: pretend a bank wired money to the platform's address. */
export function SimulateWire({ action, addressId }: { action: Act<{ amount: number }>; addressId: string }) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [result, submit, pending] = useActionState(action, null);
  return (
    <form action={(f) => (setConfirming(false), submit(f))} className="space-y-2 rounded-md bg-amber-50 p-3">
      <p className="text-xs font-medium uppercase tracking-wide text-amber-800">Sandbox</p>
      <input type="hidden" name="addressId" value={addressId} />
      <Field
        label="Simulate an incoming wire (USD)"
        name="amount"
        inputMode="decimal"
        defaultValue="1000.00"
        error={result && !result.ok ? result.error.fields?.amount : undefined}
      />
      <button ref={opener} type="button" aria-haspopup="dialog" className={btn} onClick={() => setConfirming(true)}>
        Simulate wire
      </button>
      {/* In place, inside this form: the dialog's confirm button submits the amount above. */}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Simulate an incoming wire"
        description="The sandbox credits the amount above to the platform's financial address, as a bank wire would."
        initialFocus={confirm}
        returnFocus={opener}
      >
        {(cancel) => (
          <div className="flex gap-2">
            <button ref={confirm} type="submit" className={btn}>
              Confirm: simulate wire
            </button>
            {cancel}
          </div>
        )}
      </ConfirmDialog>
      {pending ? (
        <p role="status" className="text-sm">
          Sending…
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          A wire of {formatMoney(result.data.amount, "usd")} arrived.
        </p>
      ) : null}
      {result && !result.ok && !result.error.fields?.amount ? <FormAlert message={result.error.message} /> : null}
    </form>
  );
}
