"use client";

import { useId, useState } from "react";
import { ConfirmForm } from "@/components/team/confirm-form";
import { changeRoleAction, removeMemberAction } from "./actions";

const ARTICLE = { admin: "an admin", member: "a member" } as const;

/** The owner's controls for one person: change role and remove, each confirmed first. */
export function MemberActions({
  membershipId,
  name,
  role,
  businessName,
}: {
  membershipId: string;
  name: string;
  role: string;
  businessName: string;
}) {
  const id = useId();
  const choices = (["admin", "member"] as const).filter((r) => r !== role);
  const [picked, setPicked] = useState<"admin" | "member">(choices[0]!);
  // After a change the current role drops out of the choices; fall back to the first one left.
  const next = choices.includes(picked) ? picked : choices[0]!;
  return (
    <div className="flex flex-wrap items-start justify-end gap-2">
      <div className="flex items-start gap-2">
        <label htmlFor={id} className="sr-only">
          New role for {name}
        </label>
        <select
          id={id}
          value={next}
          onChange={(e) => setPicked(e.target.value as "admin" | "member")}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        >
          {choices.map((r) => (
            <option key={r} value={r}>
              {r === "admin" ? "Admin" : "Member"}
            </option>
          ))}
        </select>
        <ConfirmForm
          action={changeRoleAction}
          done={`Role changed to ${next}.`}
          fields={{ membershipId, role: next }}
          trigger="Change role"
          question={`Make ${name} ${ARTICLE[next]} of ${businessName}?`}
          confirmLabel="Confirm change"
          pendingLabel="Changing…"
        />
      </div>
      <ConfirmForm
        action={removeMemberAction}
        done="Removed from the team."
        fields={{ membershipId }}
        trigger="Remove"
        question={`Remove ${name} from ${businessName}? They lose access right away.`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        tone="danger"
      />
    </div>
  );
}
