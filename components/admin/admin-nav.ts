import type { NavItem } from "@/components/nav-links";

/** The platform console's sections, shown in the header like a business's links. */
export const ADMIN_NAV: NavItem[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/accounts", label: "Accounts" },
  { href: "/admin/treasury", label: "Treasury" },
  { href: "/admin/rules", label: "Rules" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/events", label: "Events" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/admins", label: "Admins" },
];
