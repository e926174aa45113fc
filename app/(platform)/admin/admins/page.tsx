import type { Metadata } from "next";
import { EmptyState, Section } from "@/components/admin/empty-state";
import { formatDateTime } from "@/components/admin/format";
import { InviteAdminForm } from "@/components/admin/invite-admin-form";
import { getDb } from "@/db";
import { listAdmins } from "@/lib/admin/invites";
import { requirePlatformPage } from "@/lib/auth/session";
import { inviteAdminAction } from "./actions";

export const metadata: Metadata = { title: "Platform admins" };

export default async function AdminsPage() {
  await requirePlatformPage("platform.accounts.manage");
  const { admins, invites } = await listAdmins(getDb());
  const now = new Date();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Platform admins</h1>
      <Section title="Admins" id="admins">
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {admins.map((a) => (
            <li key={a.id} className="px-3 py-2">
              {a.name} &lt;{a.email}&gt; · since {formatDateTime(a.since)}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Invite an admin" id="invite">
        <InviteAdminForm action={inviteAdminAction} />
      </Section>
      <Section title="Invitations" id="invitations">
        {invites.length ? (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {invites.map((i) => (
              <li key={i.id} className="px-3 py-2">
                {i.email} ·{" "}
                {i.acceptedAt
                  ? `accepted ${formatDateTime(i.acceptedAt)}`
                  : i.expiresAt <= now
                    ? "expired"
                    : `open until ${formatDateTime(i.expiresAt)}`}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No invitations yet">Invite a colleague above; they get a single-use link.</EmptyState>
        )}
      </Section>
    </div>
  );
}
