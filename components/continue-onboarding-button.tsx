"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/form-action";

export function ContinueOnboardingButton({
  action,
  label = "Continue verification",
}: {
  action: FormAction<{ url: string }>;
  label?: string;
}) {
  const [state, submit] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-3">
      <FormAlert message={state && !state.ok ? state.error.message : undefined} />
      <SubmitButton pendingLabel="Opening verification…">{label}</SubmitButton>
    </form>
  );
}
