import { useId, type ReactNode } from "react";

/**
 * A titled card of a page: a white bordered section named by its heading, so screen readers list it
 * as a region. Spacing under the title belongs to the content (lists and tables bring their own).
 */
export function Panel({
  title,
  children,
  className = "",
  ...data
}: {
  title: ReactNode;
  children: ReactNode;
  className?: string;
  "data-testid"?: string;
  "data-kind"?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`rounded-xl border border-slate-200 bg-white p-5 ${className}`} {...data}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
