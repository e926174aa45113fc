"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { asFormData } from "@/lib/actions/form-input";
import { businessAction } from "@/lib/actions/safe-action";
import type { ActionError } from "@/lib/errors";
import { teamActionSpecs } from "@/lib/team/actions";
import { invitePath } from "@/lib/team/tokens";

export type InviteFormState = {
  error?: ActionError;
  values?: { email: string; role: string };
  /** The new link, returned once: only its hash is stored. */
  invite?: { path: string; email: string; role: string; expiresAt: string };
};
export type TeamChangeState = { error?: ActionError; done?: string };

const specs = () => teamActionSpecs(getDb());
const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function inviteAction(_prev: InviteFormState, input: FormData): Promise<InviteFormState> {
  const form = asFormData(input);
  const result = await businessAction(specs().invite)(form);
  if (!result.ok) return { error: result.error, values: { email: text(form, "email"), role: text(form, "role") } };
  revalidatePath("/team");
  const { token, email, role, expiresAt } = result.data;
  return { invite: { path: invitePath(token), email, role, expiresAt: expiresAt.toISOString() } };
}

export async function changeRoleAction(_prev: TeamChangeState, input: FormData): Promise<TeamChangeState> {
  const form = asFormData(input);
  const result = await businessAction(specs().changeRole)(form);
  if (!result.ok) return { error: result.error };
  revalidatePath("/team");
  return { done: `Role changed to ${result.data.to}.` };
}

export async function removeMemberAction(_prev: TeamChangeState, input: FormData): Promise<TeamChangeState> {
  const form = asFormData(input);
  const result = await businessAction(specs().remove)(form);
  if (!result.ok) return { error: result.error };
  revalidatePath("/team");
  return { done: "Removed from the team." };
}

export async function revokeInviteAction(_prev: TeamChangeState, input: FormData): Promise<TeamChangeState> {
  const form = asFormData(input);
  const result = await businessAction(specs().revoke)(form);
  if (!result.ok) return { error: result.error };
  revalidatePath("/team");
  return { done: `Invitation for ${result.data.email} withdrawn.` };
}
