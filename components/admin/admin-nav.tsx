import Link from "next/link";

const ITEMS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/accounts", label: "Accounts" },
  { href: "/admin/treasury", label: "Treasury" },
  { href: "/admin/rules", label: "Rules" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/events", label: "Events" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/admins", label: "Admins" },
];

/** The console's sections; scrolls sideways on a phone rather than wrapping into the header. */
export function AdminNav() {
  return (
    <nav aria-label="Admin sections" className="-mx-6 mb-6 overflow-x-auto border-b border-slate-200 px-6">
      <ul className="flex gap-5 whitespace-nowrap text-sm">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="inline-block border-b-2 border-transparent py-2 text-slate-600 hover:border-slate-300 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
