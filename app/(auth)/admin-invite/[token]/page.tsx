import type { Metadata } from "next";
import { AcceptInvite } from "@/components/admin/accept-invite";
import { getDb } from "@/db";
import { findInvite } from "@/lib/admin/invites";
import { requireViewer } from "@/lib/auth/session";
import { acceptAdminInviteAction } from "./actions";

export const metadata: Metadata = { title: "Platform admin invitation" };

// Signed-out visitors are sent to sign-in (or sign-up) by the proxy and come back here after.
export default async function AdminInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const viewer = await requireViewer();
  const { token } = await params;
  const invite = await findInvite(getDb(), token);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Become a platform admin</h1>
      {invite.ok ? (
        <>
          <p className="text-sm text-slate-700">
            This invitation is for <strong>{invite.email}</strong>. You are signed in as{" "}
            <strong>{viewer.user.email}</strong>.
          </p>
          <AcceptInvite action={acceptAdminInviteAction} token={token} />
        </>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          {invite.reason === "expired"
            ? "This invitation has expired. Ask for a new one."
            : "This invitation is not valid (it may have been used already)."}
        </p>
      )}
    </div>
  );
}
