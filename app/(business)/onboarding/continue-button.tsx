"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { continueOnboardingAction, type OnboardingFormState } from "./actions";

export function ContinueOnboardingButton({ label = "Continue verification" }: { label?: string }) {
  const [state, action] = useActionState<OnboardingFormState, FormData>(continueOnboardingAction, {});
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={state.error?.message} />
      <SubmitButton pendingLabel="Opening verification…">{label}</SubmitButton>
    </form>
  );
}
