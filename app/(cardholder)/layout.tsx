import { AppShell } from "@/components/app-shell";
import { confirmIdentityAction, signOutAction, switchBusinessAction } from "@/app/(auth)/actions";
import { requireCardholderPage } from "@/lib/auth/session";

/** A cardholder's own pages: their cards, nothing else of the business. Owners, admins and members get the 403 page. */
export default async function CardholderLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireCardholderPage();
  return (
    <AppShell
      area="Cardholder"
      nav={[{ href: "/my-cards", label: "My cards" }]}
      userEmail={ctx.user.email}
      signOut={signOutAction}
      confirmIdentity={confirmIdentityAction}
      switchBusiness={switchBusinessAction}
      context={`${ctx.business.legalName} · cardholder`}
    >
      {children}
    </AppShell>
  );
}
