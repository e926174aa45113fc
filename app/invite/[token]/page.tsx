import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { describeInvite, INVITE_PROBLEMS } from "@/lib/team/accept";
import { invitePath } from "@/lib/team/tokens";
import { ActionForm } from "@/components/action-form";
import { switchAccountAction } from "./actions";
import { AcceptForm } from "./accept-form";

// The token is in the URL: don't hand it to other sites in the Referer header.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const LINK = "font-medium text-brand-600 hover:underline";

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 p-6">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight text-brand-700">Issuing Console</p>
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{title}</h1>
          {children}
        </section>
      </div>
    </main>
  );
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await getViewer();
  // The proxy already sends signed-out visitors to sign in; this keeps the way back if it didn't.
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(invitePath(token))}`);
  const invite = await describeInvite(getDb(), token);
  const home = viewer.user.platformRole ? "/admin" : "/dashboard";

  const status = invite?.status ?? "unknown";
  if (!invite || status !== "open") {
    const problem = INVITE_PROBLEMS[status === "open" ? "unknown" : status];
    return (
      <Frame title="This invitation can't be used">
        <p role="alert" className="text-sm text-slate-700">
          {problem}
        </p>
        <Link href={home} className={LINK}>
          Go to your home
        </Link>
      </Frame>
    );
  }

  const role = invite.role === "admin" ? "an admin" : invite.role === "cardholder" ? "a cardholder" : "a member";
  const summary = (
    <p className="text-slate-700">
      You&apos;re invited to join <strong data-testid="invite-business">{invite.businessName}</strong> as{" "}
      <strong data-testid="invite-role">{role}</strong>.
    </p>
  );
  if (viewer.memberships.some((m) => m.business.id === invite.businessId)) {
    return (
      <Frame title="You're already in this business">
        <p className="text-sm text-slate-700">You already belong to {invite.businessName}.</p>
        <Link href="/dashboard" className={LINK}>
          Go to your dashboard
        </Link>
      </Frame>
    );
  }
  if (viewer.user.platformRole || viewer.user.email.toLowerCase() !== invite.email.toLowerCase()) {
    return (
      <Frame title="Join a business">
        {summary}
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          This invitation is for <strong>{invite.email}</strong>, but you&apos;re signed in as{" "}
          <strong>{viewer.user.email}</strong>. Sign in with the invited email to accept it.
        </p>
        <ActionForm action={switchAccountAction} fields={{ token }}>
          <button
            type="submit"
            className="w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Sign out and switch account
          </button>
        </ActionForm>
      </Frame>
    );
  }
  return (
    <Frame title="Join a business">
      {summary}
      <p className="text-sm text-slate-600">
        Signed in as {viewer.user.email}. The invitation expires on{" "}
        {invite.expiresAt.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}.
      </p>
      <AcceptForm token={token} />
      <p className="text-center text-sm">
        <Link href={home} className="text-slate-500 hover:underline">
          Not now
        </Link>
      </p>
    </Frame>
  );
}
