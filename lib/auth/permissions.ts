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
  /** Invite someone as a cardholder (linking or creating their Issuing cardholder): owners and admins. */
  "cardholders.invite",
  "activity.view",
  /** A cardholder's own cards (their membership names the Issuing cardholder): view, freeze, report, reveal. */
  "cards.own",
  /** Spend management: edit the business's expense categories (owners). */
  "expenses.categories",
  /** Set a purchase's category and memo (owners and admins). */
  "expenses.notes",
  /** Mark a purchase approved or flagged (owners and admins). */
  "expenses.review",
  /** Download the accounting export (owners and admins). */
  "expenses.export",
  /** Ask for a new card or a higher limit (owners and admins decide, with `cards.manage`). */
  "cards.request",
  /** Attach a purchase's receipt: owners, admins, and a cardholder for their own purchases only. */
  "receipts.upload",
  /** The business's spend policy (receipts required, freezing for missing ones): owners only. */
  "spend.policy",
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
    "cardholders.invite",
    // Who did what includes the invitations and role changes only an owner makes.
    "activity.view",
    "expenses.categories",
    "expenses.notes",
    "expenses.review",
    "expenses.export",
    "receipts.upload",
    "spend.policy",
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
    // Admins issue cards, so they may hand one's holder a sign-in too: a cardholder sees only their
    // own cards, so this grants nothing an admin couldn't already do with the card itself.
    "cardholders.invite",
    "expenses.notes",
    "expenses.review",
    "expenses.export",
    "receipts.upload",
  ],
  member: ["business.view", "money.view", "cards.view", "team.view", "cards.request"],
  // Someone who carries the business's cards and sees nothing else of it.
  cardholder: ["cards.own", "cards.request", "receipts.upload"],
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

/**
 * Where each kind of user lands after signing in. `roles` are their business roles: someone who
 * only carries cards (every membership a cardholder's) lands on their cards.
 */
export function homePathFor(
  user: { platformRole: PlatformRole | null },
  roles: ReadonlyArray<BusinessRole> = [],
): string {
  if (user.platformRole === "platform_admin") return "/admin";
  return roles.length > 0 && roles.every((r) => r === "cardholder") ? "/my-cards" : "/dashboard";
}
