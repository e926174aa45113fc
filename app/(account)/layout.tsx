import { AppShell } from "@/components/app-shell";
import { confirmIdentityAction, signOutAction, switchBusinessAction } from "@/app/(auth)/actions";
import { homePathFor } from "@/lib/auth/permissions";
import { requireViewer, resolveBusinessContext } from "@/lib/auth/session";

/** The signed-in person's own account (any role): sign-in security and sessions. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  // Home is the active business's (a cardholder in one business and an owner in another goes back
  // to whichever business the switcher last chose), not a blend of every role.
  const active = await resolveBusinessContext(viewer);
  const home = homePathFor(viewer.user, active ? [active.role] : []);
  return (
    <AppShell
      area="Account"
      nav={[
        { href: home, label: "Back to the console" },
        { href: "/account", label: "Security" },
        { href: "/account/sessions", label: "Sessions" },
      ]}
      userEmail={viewer.user.email}
      signOut={signOutAction}
      confirmIdentity={confirmIdentityAction}
      switchBusiness={switchBusinessAction}
    >
      {children}
    </AppShell>
  );
}
