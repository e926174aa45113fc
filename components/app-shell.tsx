import Link from "next/link";
import type { FormAction } from "@/lib/actions/form-action";
import { StepUpProvider } from "./account/step-up";
import { NotificationBell } from "./notifications/bell";
import { ActionForm } from "./action-form";
import { BusinessSwitcher } from "./business-switcher/business-switcher";
import { NavLinks, type NavItem } from "./nav-links";

/** The frame around every signed-in page: product name, navigation, who is signed in. */
export function AppShell({
  area,
  nav,
  navLabel = "Main",
  wide = false,
  userEmail,
  context,
  signOut,
  confirmIdentity,
  switchBusiness,
  children,
}: {
  area: string;
  nav: NavItem[];
  /** The accessible name of the area's navigation. */
  navLabel?: string;
  userEmail: string;
  context?: string;
  /** The sign-out server action (passed in: components import nothing from app/). */
  signOut: FormAction<{ signedOut: boolean }>;
  /** The step-up server action (the password asked again before money moves). */
  confirmIdentity: FormAction<{ proven: boolean }>;
  /** Business areas: the switch action, for someone in two or more businesses (the others show `context` as text). */
  switchBusiness?: FormAction<unknown>;
  children: React.ReactNode;
  /** The platform admin's wide tables (ten columns of accounts) get more room than a business's pages. */
  wide?: boolean;
}) {
  const width = wide ? "max-w-7xl" : "max-w-6xl";
  return (
    <div className="min-h-screen">
      <header className="relative border-b border-slate-200 bg-white">
        {/* Two rows by design: who and where on top, the area's links below, so a business's ten
            links never push the account controls onto a ragged second line at laptop widths. */}
        <div className={`mx-auto ${width} space-y-2 px-6 py-3`}>
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <Link href="/" className="whitespace-nowrap font-semibold tracking-tight text-brand-700">
              Issuing Console{" "}
              <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{area}</span>
            </Link>
            <div className="flex min-w-0 items-center gap-3 text-sm">
              <NotificationBell />
              <div className="min-w-0 text-right">
                <Link
                  href="/account"
                  className="break-all font-medium text-slate-800 hover:underline"
                  data-testid="signed-in-as"
                  title="Your account: password, two-factor sign-in, sessions"
                >
                  {userEmail}
                </Link>
                {switchBusiness ? (
                  <BusinessSwitcher action={switchBusiness} context={context} />
                ) : context ? (
                  <p className="text-xs text-slate-500">{context}</p>
                ) : null}
              </div>
              <ActionForm action={signOut}>
                <button
                  type="submit"
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-50"
                >
                  Sign out
                </button>
              </ActionForm>
            </div>
          </div>
          {nav.length ? <NavLinks items={nav} label={navLabel} /> : null}
        </div>
      </header>
      <main className={`mx-auto ${width} px-6 py-8`}>
        <StepUpProvider confirm={confirmIdentity}>{children}</StepUpProvider>
      </main>
    </div>
  );
}
