import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { listPendingInvites } from "@/db/queries/business-invites";
import { listCardholders } from "@/db/queries/cardholders";
import { listMembers } from "@/db/queries/memberships";
import { ConfirmForm } from "@/components/team/confirm-form";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { revokeInviteAction } from "./actions";
import { CardholderInviteForm } from "./cardholder-invite-form";
import { InviteForm } from "./invite-form";
import { MemberActions } from "./member-actions";
import { RoleBadge } from "./role-badge";

export const metadata: Metadata = { title: "Team" };

const date = (d: Date) => d.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
const CELL = "px-4 py-3 align-top";

function InviteExpiry({ expired, expiresAt }: { expired: boolean; expiresAt: Date }) {
  return expired ? (
    <span className="font-medium text-amber-700">Expired — invite again</span>
  ) : (
    <span className="text-slate-600">Expires {date(expiresAt)}</span>
  );
}

export default async function TeamPage() {
  const ctx = await requireBusinessPage("team.view");
  if (!ctx) redirect("/onboarding");
  const db = getDb();
  // Controls are only rendered for those who may use them; the actions check again on the server.
  const canManage = can(ctx.role, "team.manage");
  const accountId = ctx.business.stripeAccountId;
  const canInviteCardholders = can(ctx.role, "cardholders.invite") && accountId !== null;
  const [members, invites, cardholders] = await Promise.all([
    listMembers(db, { businessId: ctx.business.id }),
    listPendingInvites(db, { businessId: ctx.business.id }),
    canInviteCardholders ? listCardholders(db, { accountId: accountId! }) : [],
  ]);
  const businessName = ctx.business.legalName;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Team</h1>
        <p className="mt-1 text-sm text-slate-600">
          {canManage
            ? `Invite people to ${businessName} and choose what they can do.`
            : canInviteCardholders
              ? `People with access to ${businessName}. You can invite cardholders; only an owner can invite teammates or change roles.`
              : `People with access to ${businessName}. Only an owner can invite people or change roles.`}
        </p>
      </div>

      {canManage ? (
        <section
          aria-labelledby="invite-heading"
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        >
          <h2 id="invite-heading" className="mb-4 text-lg font-semibold">
            Invite someone
          </h2>
          <InviteForm businessName={businessName} />
        </section>
      ) : null}

      {canInviteCardholders ? (
        <section
          aria-labelledby="cardholder-invite-heading"
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        >
          <h2 id="cardholder-invite-heading" className="text-lg font-semibold">
            Invite a cardholder
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            Someone who carries a card signs in to see their own cards, freeze them and report them lost: nothing else
            of {businessName}.
          </p>
          <CardholderInviteForm
            businessName={businessName}
            country={ctx.business.country}
            cardholders={cardholders}
            clientToken={randomUUID()}
          />
        </section>
      ) : null}

      <section
        aria-labelledby="members-heading"
        className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="members-heading" className="px-4 pt-4 text-lg font-semibold">
          Members <span className="text-sm font-normal text-slate-500">({members.length})</span>
        </h2>
        {/* On a phone the table scrolls inside its card (its sr-only header included), never the page. */}
        <div className="relative overflow-x-auto">
          <table className="mt-2 w-full text-left text-sm" data-testid="members-table">
            <TableHead columns={["Person", "Role", "Joined"]} actions={canManage} />
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => (
                <tr key={m.membershipId} data-testid="member-row">
                  <td className={CELL}>
                    <p className="font-medium text-slate-900">
                      {m.name}
                      {m.userId === ctx.user.id ? (
                        <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>
                      ) : null}
                    </p>
                    <p className="break-all text-slate-500">{m.email}</p>
                  </td>
                  <td className={CELL}>
                    <RoleBadge role={m.role} />
                  </td>
                  <td className={`${CELL} hidden text-slate-600 sm:table-cell`}>{date(m.joinedAt)}</td>
                  {canManage ? (
                    <td className={`${CELL} text-right`}>
                      {m.userId !== ctx.user.id ? (
                        <MemberActions
                          membershipId={m.membershipId}
                          name={m.name}
                          role={m.role}
                          businessName={businessName}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {members.length === 1 ? (
          <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
            {canManage
              ? "It's just you so far. Invite a colleague above to share the work."
              : "No one else has joined yet."}
          </p>
        ) : null}
      </section>

      <section
        aria-labelledby="invites-heading"
        className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="invites-heading" className="px-4 pt-4 text-lg font-semibold">
          Pending invitations
        </h2>
        {invites.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-500">
            {canManage
              ? "No open invitations. Invitations you create appear here until they're accepted."
              : "No open invitations."}
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="mt-2 w-full text-left text-sm" data-testid="invites-table">
              <TableHead columns={["Email", "Role", "Expires"]} actions={canManage} />
              <tbody className="divide-y divide-slate-100">
                {invites.map((i) => (
                  <tr key={i.id} data-testid="invite-row">
                    <td className={`${CELL} break-all`}>
                      {i.email}
                      {i.invitedByName ? <p className="text-xs text-slate-500">Invited by {i.invitedByName}</p> : null}
                      <p className="text-xs sm:hidden">
                        <InviteExpiry expired={i.expired} expiresAt={i.expiresAt} />
                      </p>
                    </td>
                    <td className={CELL}>
                      <RoleBadge role={i.role} />
                    </td>
                    <td className={`${CELL} hidden sm:table-cell`}>
                      <InviteExpiry expired={i.expired} expiresAt={i.expiresAt} />
                    </td>
                    {canManage ? (
                      <td className={`${CELL} text-right`}>
                        <ConfirmForm
                          action={revokeInviteAction}
                          done={`Invitation for ${i.email} withdrawn.`}
                          fields={{ inviteId: i.id }}
                          trigger="Revoke"
                          question={`Withdraw the invitation for ${i.email}? The link stops working.`}
                          confirmLabel="Revoke"
                          pendingLabel="Revoking…"
                          tone="danger"
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** Person/email, role, and a date (hidden on a phone); an actions column for those who manage. */
function TableHead({
  columns: [first, second, third],
  actions,
}: {
  columns: [string, string, string];
  actions: boolean;
}) {
  return (
    <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
      <tr>
        <th scope="col" className={CELL}>
          {first}
        </th>
        <th scope="col" className={CELL}>
          {second}
        </th>
        <th scope="col" className={`${CELL} hidden sm:table-cell`}>
          {third}
        </th>
        {actions ? (
          <th scope="col" className={`${CELL} text-right`}>
            <span className="sr-only">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
