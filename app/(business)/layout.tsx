import { AppShell } from "@/components/app-shell";
import { confirmIdentityAction, signOutAction, switchBusinessAction } from "@/app/(auth)/actions";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage, requireViewer } from "@/lib/auth/session";
import { stripeMode } from "@/lib/config";

export default async function BusinessLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireBusinessPage("business.view");
  const viewer = await requireViewer();
  const nav = ctx
    ? [
        { href: "/dashboard", label: "Home" },
        ...(ctx.business.fundingModel === "treasury" ? [{ href: "/money", label: "Money" }] : []),
        ...(ctx.business.fundingModel === "issuing_balance" ? [{ href: "/balance", label: "Balance" }] : []),
        { href: "/cards", label: "Cards" },
        { href: "/purchases", label: "Purchases" },
        { href: "/disputes", label: "Disputes" },
        { href: "/requests", label: "Requests" },
        { href: "/receipts", label: "Receipts" },
        ...(ctx.business.fundingModel === "stablecoin"
          ? [
              { href: "/wallet", label: "Wallet" },
              { href: "/payouts", label: "Payouts" },
            ]
          : []),
        ...(can(ctx.role, "team.view") ? [{ href: "/team", label: "Team" }] : []),
        ...(can(ctx.role, "activity.view") ? [{ href: "/activity", label: "Activity" }] : []),
        ...(stripeMode() === "sandbox" && can(ctx.role, "cards.manage")
          ? [{ href: "/sandbox-tools", label: "Sandbox tools" }]
          : []),
      ]
    : [];
  return (
    <AppShell
      area="Business"
      nav={nav}
      userEmail={viewer.user.email}
      signOut={signOutAction}
      confirmIdentity={confirmIdentityAction}
      switchBusiness={switchBusinessAction}
      context={ctx ? `${ctx.business.legalName} · ${ctx.role}` : undefined}
    >
      {children}
    </AppShell>
  );
}
