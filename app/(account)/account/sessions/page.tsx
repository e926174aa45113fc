import { formatDateTime } from "@/components/admin/format";
import { ConfirmForm } from "@/components/team/confirm-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { listUserSessions } from "@/db/queries/user-sessions";
import { deviceLabel } from "@/lib/auth/device-label";
import { requireViewer } from "@/lib/auth/session";
import { stripeMode } from "@/lib/config";
import { expireProofAction, revokeSessionAction, signOutEverywhereAction } from "./actions";

export const metadata = { title: "Sessions · Issuing Console" };

/** Every browser signed in as this person, with a way to end any of them, or all. */
export default async function SessionsPage() {
  const viewer = await requireViewer();
  const sessions = await listUserSessions(getDb(), { userId: viewer.user.id });
  const others = sessions.filter((s) => s.id !== viewer.session.id).length;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sessions</h1>
        <p className="mt-1 text-sm text-slate-600">
          Where you are signed in. Ending a session signs that browser out on its next click.
        </p>
      </header>
      <Panel title={`Signed in on ${sessions.length} ${sessions.length === 1 ? "browser" : "browsers"}`}>
        <ul className="mt-3 divide-y divide-slate-100" aria-label="Your sessions">
          {sessions.map((s) => {
            const current = s.id === viewer.session.id;
            const label = deviceLabel(s.userAgent);
            return (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="session-row"
                data-session-id={s.id}
                data-current={current ? "yes" : "no"}
              >
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-800">
                    {label}
                    {current ? (
                      <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">
                        This browser
                      </span>
                    ) : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {s.ipAddress ?? "unknown address"} · signed in {formatDateTime(s.createdAt)} · last active{" "}
                    {formatDateTime(s.lastSeenAt)}
                  </p>
                </div>
                <ConfirmForm
                  action={revokeSessionAction}
                  done="Session ended."
                  fields={{ sessionId: s.id }}
                  trigger={current ? "Sign out here" : "End session"}
                  question={
                    current ? "Sign out of this browser?" : `End the session on ${label}? That browser is signed out.`
                  }
                  confirmLabel={current ? "Sign out" : "End session"}
                  pendingLabel="Ending…"
                  tone="danger"
                />
              </li>
            );
          })}
        </ul>
      </Panel>
      {stripeMode() === "sandbox" ? (
        <Panel title="Sandbox: try the password check">
          <p className="mt-2 text-sm text-slate-600">
            Moving money, funding, showing card or account numbers and changing roles ask for your password again when
            you last gave it more than five minutes ago. Skip the wait:
          </p>
          <div className="mt-3">
            <ConfirmForm
              action={expireProofAction}
              done="The next sensitive action will ask for your password."
              fields={{}}
              trigger="Ask for my password next time"
              question="Make this session ask for your password before the next sensitive action?"
              confirmLabel="Ask next time"
              pendingLabel="Saving…"
            />
          </div>
        </Panel>
      ) : null}
      <Panel title="Sign out everywhere">
        <p className="mt-2 text-sm text-slate-600">
          Lost a device, or signed in somewhere you shouldn&apos;t have? End every other session, or all of them.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          <ConfirmForm
            action={signOutEverywhereAction}
            done="Every other session ended."
            fields={{ includeThis: "no" }}
            trigger="Sign out of other browsers"
            question={`End ${others} other ${others === 1 ? "session" : "sessions"}? You stay signed in here.`}
            confirmLabel="End other sessions"
            pendingLabel="Ending…"
            disabled={others === 0}
          />
          <ConfirmForm
            action={signOutEverywhereAction}
            done="Signed out everywhere."
            fields={{ includeThis: "yes" }}
            trigger="Sign out everywhere"
            question="Sign out of every browser, this one too?"
            confirmLabel="Sign out everywhere"
            pendingLabel="Signing out…"
            tone="danger"
          />
        </div>
      </Panel>
    </div>
  );
}
