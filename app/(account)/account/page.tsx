import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireViewer } from "@/lib/auth/session";
import { changePasswordAction } from "./password-actions";
import { TwoFactorAccountSection } from "./two-factor-section";

export const metadata = { title: "Account security · Issuing Console" };

/** Sign-in security: password and two-factor sign-in (their sections are added by their features). */
export default async function AccountPage() {
  const viewer = await requireViewer();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Account security</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as {viewer.user.name} ({viewer.user.email}).
        </p>
      </header>
      <ChangePasswordForm action={changePasswordAction} />
      <TwoFactorAccountSection viewer={viewer} />
    </div>
  );
}
