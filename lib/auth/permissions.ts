/**
 * The one role-to-permission table. Business roles come from a membership; `platform_admin`
 * from the user. Every guard and action asks `can(role, permission)`; nothing checks role names.
 */
export const BUSINESS_ROLES = ["owner", "admin", "member", "cardholder"] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export type PlatformRole = "platform_admin";
export type Role = BusinessRole | PlatformRole;

export const PERMISSIONS = [
  // business side
  "business.view",
  "business.manage",
  "money.view",
  "money.move",
  "cards.view",
  "cards.manage",
  "rules.manage",
  "payouts.manage",
  "team.view",
  "team.manage",
  "activity.view",
  /** A cardholder's own cards (their membership names the Issuing cardholder): view, freeze, report, reveal. */
  "cards.own",
  // platform side
  "platform.accounts.view",
  "platform.accounts.manage",
  "platform.funding",
  "platform.rules.manage",
  "platform.events.view",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: [
    "business.view",
    "business.manage",
    "money.view",
    "money.move",
    "cards.view",
    "cards.manage",
    "rules.manage",
    "payouts.manage",
    "team.view",
    "team.manage",
    // Who did what includes the invitations and role changes only an owner makes.
    "activity.view",
  ],
  // Only an owner invites, re-roles or removes people: an admin could otherwise promote
  // themselves or remove the owner's other admins.
  admin: [
    "business.view",
    "money.view",
    "money.move",
    "cards.view",
    "cards.manage",
    "rules.manage",
    "payouts.manage",
    "team.view",
  ],
  member: ["business.view", "money.view", "cards.view", "team.view"],
  // Someone who carries the business's cards and sees nothing else of it.
  cardholder: ["cards.own"],
  platform_admin: [
    "platform.accounts.view",
    "platform.accounts.manage",
    "platform.funding",
    "platform.rules.manage",
    "platform.events.view",
  ],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** Where each kind of user lands after signing in. */
export function homePathFor(user: { platformRole: PlatformRole | null }): string {
  return user.platformRole === "platform_admin" ? "/admin" : "/dashboard";
}
