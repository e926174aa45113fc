import type { OnboardingState } from "@/lib/businesses/provision";
import type { FormAction } from "@/lib/actions/form-action";
import { ContinueOnboardingButton } from "./continue-onboarding-button";

const COPY: Record<OnboardingState["status"], { title: string; body: string; tone: string }> = {
  needs_account: {
    title: "Finish setting up your account",
    body: "We couldn't create your account with Stripe yet. Continue to try again; nothing will be created twice.",
    tone: "border-amber-300 bg-amber-50",
  },
  needs_details: {
    title: "Verify your business",
    body: "Stripe needs a few details before you can hold money and issue cards.",
    tone: "border-amber-300 bg-amber-50",
  },
  verifying: {
    title: "We're verifying your details",
    body: "This usually takes a moment. Refresh this page to see the result.",
    tone: "border-sky-300 bg-sky-50",
  },
  active: {
    title: "Your account is active",
    body: "You can hold money and issue cards.",
    tone: "border-emerald-300 bg-emerald-50",
  },
  restricted: {
    title: "Your account is restricted",
    body: "Stripe couldn't verify your business. Review your details or contact the platform team.",
    tone: "border-red-300 bg-red-50",
  },
};

/** Humanizes Stripe requirement names like `individual.address.line1`. */
export function requirementLabel(name: string): string {
  return name.replace(/^(individual|company|identity|business_profile|defaults)\./, "").replace(/[._]/g, " ");
}

export function OnboardingStatus({
  state,
  canManage,
  continueOnboarding,
}: {
  state: OnboardingState;
  canManage: boolean;
  /** The server action that opens Stripe's onboarding (passed in: components import nothing from app/). */
  continueOnboarding: FormAction<{ url: string }>;
}) {
  if (state.status === "active") return null;
  const copy = COPY[state.status];
  return (
    <section
      className={`rounded-xl border p-5 ${copy.tone}`}
      aria-labelledby="onboarding-status-title"
      data-testid="onboarding-status"
      data-status={state.status}
    >
      <h2 id="onboarding-status-title" className="text-lg font-semibold">
        {copy.title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{copy.body}</p>
      {state.due.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2 text-xs">
          {state.due.slice(0, 8).map((d) => (
            <li key={d} className="rounded-full bg-white/70 px-2 py-1 text-slate-700">
              {requirementLabel(d)}
            </li>
          ))}
          {state.due.length > 8 ? <li className="px-2 py-1 text-slate-600">and {state.due.length - 8} more</li> : null}
        </ul>
      ) : null}
      {state.status !== "verifying" && state.status !== "restricted" ? (
        <div className="mt-4 max-w-xs">
          {canManage ? (
            <ContinueOnboardingButton action={continueOnboarding} />
          ) : (
            <p className="text-sm text-slate-700">Ask an owner of your business to complete verification.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
