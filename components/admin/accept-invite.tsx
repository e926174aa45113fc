"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/actions/form-action";

export function AcceptInvite({ action, token }: { action: FormAction<{ inviteId: string }>; token: string }) {
  const [result, submit] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {result && !result.ok ? <FormAlert message={result.error.message} /> : null}
      <SubmitButton pendingLabel="Accepting…">Accept and open the admin console</SubmitButton>
    </form>
  );
}
