"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import { RulesFields } from "@/components/rules/rules-fields";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { formFeedback } from "@/lib/actions/form-action";
import type { MerchantCategory } from "@/lib/rules/merchant-categories";
import type { RulesPreview } from "@/lib/admin/rules-preview";
import type { ActionResult } from "@/lib/errors";
import type { RuleSet } from "@/lib/rules/engine";
import { rulesFormValues } from "@/lib/rules/rules-form-values";

type Preview = ActionResult<RulesPreview> | null;
type Saved = ActionResult<{ saved: true }> | null;
type Act<T> = (prev: T, form: FormData) => Promise<T>;

/** The form's values with the blocked categories about to be rendered (not yet in the DOM). */
function withCategories(form: HTMLFormElement | null, categories: string[]): FormData | null {
  if (!form) return null;
  const data = new FormData(form);
  data.delete("blockedCategories");
  for (const c of categories) data.append("blockedCategories", c);
  return data;
}

/** What the form says, as one string: a preview is valid only for exactly these values. */
function signature(form: HTMLFormElement | FormData | null): string {
  if (!form) return "";
  const data = form instanceof FormData ? form : new FormData(form);
  return JSON.stringify(
    [...data.entries()]
      .filter(([k]) => !k.startsWith("$"))
      .map(([k, v]) => [k, String(v)])
      .sort(),
  );
}

const btn =
  "rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-50";

export function RulesEditor({
  rules,
  categories,
  preview,
  save,
}: {
  rules: RuleSet;
  categories: readonly MerchantCategory[];
  preview: Act<Preview>;
  save: Act<Saved>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState("");
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [previewResult, runPreview, previewing] = useActionState<Preview, FormData>(async (prev, form) => {
    const r = await preview(prev, form);
    const sig = signature(form);
    setCurrent(sig);
    setPreviewed(r?.ok ? sig : null);
    return r;
  }, null);
  const [saved, runSave, saving] = useActionState<Saved, FormData>(async (prev, form) => {
    const r = await save(prev, form);
    if (r?.ok) setPreviewed(null);
    return r;
  }, null);
  // Submitted by hand rather than as a form action: React resets a form after its action, which
  // would silently reset the fields and save something other than what was previewed.
  const send = (dispatch: (form: FormData) => void) => {
    if (!formRef.current) return;
    const form = new FormData(formRef.current);
    startTransition(() => dispatch(form));
  };
  const previewFeedback = formFeedback(previewResult);
  const saveFeedback = formFeedback(saved);
  const errors = previewResult && !previewResult.ok ? previewFeedback.fields : saveFeedback.fields;
  const upToDate = previewed !== null && previewed === current;
  const p = previewResult?.ok ? previewResult.data : null;
  return (
    <form
      ref={formRef}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onChange={() => setCurrent(signature(formRef.current))}
      onSubmit={(e) => {
        e.preventDefault();
        send(runPreview);
      }}
      aria-label="Platform rules"
    >
      <RulesFields
        values={rulesFormValues(rules)}
        errors={errors}
        categories={categories}
        subject="authorization"
        currency="usd"
        killSwitchLabel="Decline every authorization on the platform (kill switch)"
        // The picker's hidden fields change without a change event: recompute what the form says here.
        onCategoriesChange={(next) => setCurrent(signature(withCategories(formRef.current, next)))}
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className={`${btn} border border-slate-300 text-slate-800 hover:bg-slate-50`}
          disabled={previewing}
        >
          {previewing ? "Replaying…" : "Preview against the last 1,000 decisions"}
        </button>
        <button
          type="button"
          onClick={() => send(runSave)}
          className={`${btn} bg-brand-600 text-white hover:bg-brand-700`}
          disabled={!upToDate || saving}
        >
          {saving ? "Saving…" : "Save rules"}
        </button>
      </div>
      {!upToDate ? <p className="text-xs text-slate-500">Preview the current values before saving.</p> : null}
      {p && upToDate ? (
        <div role="status" className="rounded-md bg-slate-50 p-3 text-sm" data-testid="rules-preview">
          {p.total === 0 ? (
            "No decisions yet to replay."
          ) : (
            <>
              Of the last {p.total} decisions, {p.approvedBefore} were approved; under these rules {p.approvedAfter}{" "}
              would be. {p.newlyDeclined} would now be declined
              {Object.keys(p.newlyDeclinedBy).length
                ? ` (${Object.entries(p.newlyDeclinedBy)
                    .map(([k, n]) => `${k}: ${n}`)
                    .join(", ")})`
                : ""}{" "}
              and {p.newlyApproved} would now be approved.
            </>
          )}
        </div>
      ) : null}
      {saved?.ok ? <FormSuccess>Rules saved. They apply to the next authorization.</FormSuccess> : null}
      <FormAlert message={previewFeedback.message ?? saveFeedback.message} />
    </form>
  );
}
