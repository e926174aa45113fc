import Link from "next/link";

/** A page number from the query string: 1 when missing or unreadable, and never absurdly far. */
export function pageParam(value: string | undefined): number {
  return Math.max(1, Math.min(10_000, Number.parseInt(value ?? "1", 10) || 1));
}

/** Newer/Older links around "Page N of M" for a list shown newest first; nothing when one page holds it all. */
export function NewerOlder({
  page,
  pages,
  href,
  label = "Pages",
  className = "",
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label?: string;
  className?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={`flex items-center gap-4 text-sm ${className}`}>
      {page > 1 ? <Link href={href(page - 1)}>Newer</Link> : null}
      <span className="text-slate-600">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={href(page + 1)}>Older</Link> : null}
    </nav>
  );
}
