"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<Record<string, unknown>> | null;
export type ConfirmKind = "freeze" | "unfreeze" | "pause" | "resume" | "onboarding_link";

function successMessage(kind: ConfirmKind, data: Record<string, unknown>): string {
  // The page swaps Pause for Resume once it reloads: say what the result was, not what the button is now.
  if (typeof data.paused === "boolean")
    return data.paused
      ? "Paused: every authorization is now declined."
      : "Resumed: authorizations follow the rules again.";
  const n = Array.isArray(data.cardIds) ? data.cardIds.length : 0;
  switch (kind) {
    case "freeze":
      return n ? `Froze ${n} card${n === 1 ? "" : "s"}.` : "There were no active cards to freeze.";
    case "unfreeze":
      return n ? `Unfroze ${n} card${n === 1 ? "" : "s"}.` : "No cards frozen by the platform were left to unfreeze.";
    case "pause":
      return "Paused: every authorization is now declined.";
    case "resume":
      return "Resumed: authorizations follow the rules again.";
    default:
      return "Done.";
  }
}

const btn =
  "rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60";

/**
 * An account action behind a confirmation dialog: the first button only explains what will
 * happen; nothing is sent until "Confirm". Results and errors show right under the button.
 */
export function ConfirmAction({
  action,
  businessId,
  kind,
  label,
  confirmText,
  danger,
}: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  businessId: string;
  kind: ConfirmKind;
  label: string;
  confirmText: string;
  danger?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [result, submit, pending] = useActionState(action, null);
  const tone = danger ? "bg-red-600 text-white hover:bg-red-700" : "bg-brand-600 text-white hover:bg-brand-700";
  const url = result?.ok && typeof result.data.url === "string" ? result.data.url : null;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        className={`${btn} border border-slate-300 text-slate-800 hover:bg-slate-50`}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title={`Confirm: ${label}`}
        description={confirmText}
        initialFocus={confirm}
        returnFocus={opener}
      >
        {(cancel) => (
          <form
            action={(form) => {
              setAsking(false);
              submit(form);
            }}
            className="flex gap-2"
          >
            <input type="hidden" name="businessId" value={businessId} />
            <button ref={confirm} type="submit" className={`${btn} ${tone}`}>
              Confirm: {label.toLowerCase()}
            </button>
            {cancel}
          </form>
        )}
      </ConfirmDialog>
      {pending ? (
        <p className="text-sm text-slate-500" role="status">
          Working…
        </p>
      ) : null}
      {result && !result.ok ? <FormAlert message={result.error.fields?._form ?? result.error.message} /> : null}
      {result?.ok && !pending ? (
        url ? (
          <CopyLink url={url} />
        ) : (
          <p role="status" className="text-sm text-emerald-700">
            {successMessage(kind, result.data)}
          </p>
        )
      ) : null}
    </div>
  );
}

function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <label className="block text-sm font-medium text-slate-800" htmlFor="onboarding-link">
        Onboarding link (single use, expires soon)
      </label>
      <div className="flex gap-2">
        <input
          id="onboarding-link"
          readOnly
          value={url}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className={`${btn} border border-slate-300`}
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
