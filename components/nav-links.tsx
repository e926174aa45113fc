"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The item the current page belongs to: the longest href that is the path or a folder above it. */
export function currentItem(items: NavItem[], pathname: string): NavItem | null {
  const matches = items.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  return matches.sort((a, b) => b.href.length - a.href.length)[0] ?? null;
}

/** An area's links, the current page's marked for sight (underline) and for screen readers (aria-current). */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const current = currentItem(items, usePathname());
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
      {items.map((item) => {
        const here = item === current;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={here ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 pb-0.5 ${
              here
                ? "border-brand-600 font-medium text-slate-900"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
