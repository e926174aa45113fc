import Link from "next/link";
import { EnrolmentForm } from "@/components/account/enrolment-form";
import { homePathFor } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { newEnrolment } from "@/lib/auth/two-factor/enrolment";
import { twoFactorRequired } from "@/lib/auth/two-factor/policy";
import { confirmTwoFactorAction } from "./actions";

export const metadata = { title: "Set up two-factor sign-in · Issuing Console" };

export default async function TwoFactorPage() {
  const viewer = await requireViewer();
  const { user } = viewer;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Set up two-factor sign-in</h1>
        {twoFactorRequired(user, viewer.memberships) && !user.totpEnabledAt ? (
          <p className="mt-1 text-sm text-slate-600" data-testid="two-factor-required">
            Your role requires two-factor sign-in: set it up to continue to the console.
          </p>
        ) : null}
      </header>
      {user.totpEnabledAt ? (
        <p className="text-sm text-slate-700">
          Two-factor sign-in is already on.{" "}
          <Link href="/account" className="font-medium text-brand-600 hover:underline">
            Manage it on your account
          </Link>
        </p>
      ) : (
        <Enrolment user={user} done={homePathFor(user)} />
      )}
    </div>
  );
}

async function Enrolment({ user, done }: { user: { id: string; email: string }; done: string }) {
  const enrolment = await newEnrolment(user);
  return (
    <EnrolmentForm
      action={confirmTwoFactorAction}
      qrSvg={enrolment.qrSvg}
      secretKey={enrolment.key}
      sealed={enrolment.sealed}
      done={done}
    />
  );
}
