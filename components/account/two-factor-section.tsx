import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { SECONDARY_BUTTON } from "@/components/team/confirm-form";
import { Panel } from "@/components/ui/panel";
import type { FormAction } from "@/lib/actions/form-action";
import type { TwoFactorOverview } from "@/lib/auth/two-factor/overview";
import { DisableTwoFactorForm, RegenerateCodesForm } from "./two-factor-forms";

export type TwoFactorSectionActions = {
  disable: FormAction<{ disabled: boolean }>;
  regenerate: FormAction<{ codes: string[] }>;
  revokeDevice: FormAction<{ revoked: number }>;
  revokeAll: FormAction<{ revoked: number }>;
};

const date = (d: Date) => d.toISOString().slice(0, 10);

/** The account page's two-factor sign-in: turn it on, or manage codes and remembered devices. */
export function TwoFactorSection({
  overview,
  actions,
}: {
  overview: TwoFactorOverview;
  actions: TwoFactorSectionActions;
}) {
  if (!overview.enabled)
    return (
      <Panel title="Two-factor sign-in" data-testid="two-factor-section">
        <p className="mt-2 text-sm text-slate-600">
          Off. {overview.required ? "Your role requires it: set it up to keep using the console. " : ""}Sign-ins will
          ask for a code from an authenticator app as well as your password.
        </p>
        <Link href="/account/two-factor" className={`${SECONDARY_BUTTON} mt-3 inline-block`}>
          Set up two-factor sign-in
        </Link>
      </Panel>
    );
  return (
    <Panel title="Two-factor sign-in" data-testid="two-factor-section">
      <p className="mt-2 text-sm text-slate-600" data-testid="two-factor-status">
        On. {overview.unusedRecoveryCodes} of 10 recovery codes left.
      </p>
      <div className="mt-4 space-y-6">
        <section aria-label="Recovery codes">
          <RegenerateCodesForm action={actions.regenerate} />
        </section>
        <section aria-labelledby="remembered-devices">
          <h3 id="remembered-devices" className="text-sm font-semibold">
            Remembered devices
          </h3>
          {overview.devices.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">
              None. Tick &ldquo;Remember this device&rdquo; when you sign in to skip the code for 30 days.
            </p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100" data-testid="remembered-devices">
              {overview.devices.map((d) => (
                <li key={d.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                  <span className="min-w-0 break-words">
                    {d.userAgent ?? "Unknown browser"}
                    <span className="block text-xs text-slate-500">
                      Since {date(d.createdAt)}, until {date(d.expiresAt)}
                    </span>
                  </span>
                  <ActionForm action={actions.revokeDevice} fields={{ deviceId: d.id }}>
                    <button type="submit" className={SECONDARY_BUTTON}>
                      Forget
                    </button>
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
          {overview.devices.length > 1 ? (
            <ActionForm action={actions.revokeAll}>
              <button type="submit" className={`${SECONDARY_BUTTON} mt-2`}>
                Forget all devices
              </button>
            </ActionForm>
          ) : null}
        </section>
        <section aria-label="Turn off">
          {overview.required ? (
            <p className="text-sm text-slate-600">
              Your role requires two-factor sign-in, so it can&rsquo;t be turned off.
            </p>
          ) : (
            <DisableTwoFactorForm action={actions.disable} />
          )}
        </section>
      </div>
    </Panel>
  );
}
