import { ADMIN_NAV } from "@/components/admin/admin-nav";
import { AppShell } from "@/components/app-shell";
import { confirmIdentityAction, signOutAction } from "@/app/(auth)/actions";
import { requirePlatformPage } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePlatformPage("platform.accounts.view");
  return (
    <AppShell
      area="Platform admin"
      wide
      nav={ADMIN_NAV}
      navLabel="Admin sections"
      userEmail={user.email}
      context="Platform admin"
      signOut={signOutAction}
      confirmIdentity={confirmIdentityAction}
    >
      {children}
    </AppShell>
  );
}
