import Link from "next/link";

/**
 * The filters above a list: a plain GET form, so it works without JavaScript and every filtered
 * view has a URL that can be shared and paged. Fields are the app's Field and SelectField; one
 * Apply button, and Clear (back to `clearHref`) while a filter is set.
 */
export function FilterBar({
  label,
  action,
  clearHref,
  children,
  trailing,
}: {
  label: string;
  action?: string;
  /** Where Clear goes; no Clear link when undefined (nothing filtered). */
  clearHref?: string;
  children: React.ReactNode;
  /** Shown after the buttons, at the end of the bar (an export link). */
  trailing?: React.ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {children}
      <div className="flex items-center gap-3 pb-0.5">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Apply
        </button>
        {clearHref ? (
          <Link href={clearHref} className="text-sm text-slate-600 hover:underline">
            Clear
          </Link>
        ) : null}
      </div>
      {trailing ? <div className="ml-auto self-center text-sm">{trailing}</div> : null}
    </form>
  );
}
