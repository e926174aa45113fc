import { Field } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { SelectField } from "@/components/ui/select-field";

/**
 * The accounting export: a plain GET to `/purchases/export`, which answers with the file, or sends
 * the form back here with `errors` next to their fields (and no file).
 */
export function ExportForm({
  values,
  errors,
}: {
  values: { format: string; from: string; to: string };
  errors: Record<string, string>;
}) {
  return (
    <Panel title="Accounting export" className="scroll-mt-4" data-testid="purchases-export">
      <p id="export" className="mt-1 text-sm text-slate-600">
        A period (up to 12 months) of card purchases and refunds, fundings and top-ups, and payouts as a bank-statement
        CSV your accounting software imports: money in positive, money out negative, a Type column saying which is
        which, and each purchase&apos;s category, memo, cardholder, card and receipt link.
      </p>
      {errors.month ? (
        <p className="mt-2 text-sm text-red-600" role="alert">
          {errors.month}
        </p>
      ) : null}
      <form
        method="get"
        action="/purchases/export"
        className="mt-3 flex flex-wrap items-end gap-3"
        aria-label="Accounting export"
      >
        <SelectField
          label="Format"
          name="format"
          defaultValue={values.format}
          options={[
            { value: "quickbooks", label: "QuickBooks Online" },
            { value: "xero", label: "Xero" },
          ]}
          error={errors.format}
        />
        <Field label="From" name="from" type="date" defaultValue={values.from} error={errors.from} />
        <Field label="To" name="to" type="date" defaultValue={values.to} error={errors.to} />
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Download CSV
        </button>
      </form>
    </Panel>
  );
}
