import { z } from "zod";

/** Roles an owner can hand out. Ownership itself is never granted from the team page. */
export const ASSIGNABLE_ROLES = ["admin", "member"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

const email = z
  .string({ error: "Enter an email address" })
  .max(254, { error: "Use at most 254 characters" })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { error: "Enter an email address" }))
  .pipe(z.email({ error: "Enter a valid email address" }))
  .transform((s) => s.toLowerCase());
const role = z.enum(ASSIGNABLE_ROLES, { error: "Choose admin or member" });
// Ids come from hidden form fields: anything but a uuid is refused before it reaches a query.
const id = (what: string) => z.uuid({ error: `Unknown ${what}` });

export const inviteSchema = z.object({ email, role });
export const changeRoleSchema = z.object({ membershipId: id("member"), role });
export const removeMemberSchema = z.object({ membershipId: id("member") });
export const revokeInviteSchema = z.object({ inviteId: id("invitation") });

export type InviteInput = z.infer<typeof inviteSchema>;
