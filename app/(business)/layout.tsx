import { AppShell } from "@/components/app-shell";
import { requireBusinessPage, requireViewer } from "@/lib/auth/session";

export default async function BusinessLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireBusinessPage("business.view");
  const viewer = await requireViewer();
  const nav = ctx
    ? [
        { href: "/dashboard", label: "Home" },
        ...(ctx.business.fundingModel === "treasury" ? [{ href: "/money", label: "Money" }] : []),
        { href: "/cards", label: "Cards" },
      ]
    : [];
  return (
    <AppShell
      area="Business"
      nav={nav}
      userEmail={viewer.user.email}
      context={ctx ? `${ctx.business.legalName} · ${ctx.role}` : undefined}
    >
      {children}
    </AppShell>
  );
}
