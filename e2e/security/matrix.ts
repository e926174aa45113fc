// The tenant and role matrix: every server action (`<file>#<export>`) and route handler
// (`<METHOD> <path>`) in the app, who may use it, and how the UI calls it with a valid input that
// names the victim's things. `security-matrix.spec.ts` fails when the code has one this table
// lacks, or the table names one the code no longer has.
import { randomUUID } from "node:crypto";
import type { Permission } from "../../lib/auth/permissions";
import type { Victim } from "./fixtures";
import type { FieldKind } from "./mutators";

export type Access =
  /** Anyone, signed in or not (signing in, signing up, health, Auth.js). */
  | { who: "anyone" }
  /** Any signed-in user, acting only on themselves (accepting an invitation meant for their email, signing out). */
  | { who: "self" }
  /** A member of a business whose role has `permission`; the business always comes from the session. */
  | { who: "business"; permission: Permission }
  /** A platform admin. */
  | { who: "platform"; permission: Permission }
  /** Stripe (or the sandbox): only a correctly signed request. */
  | { who: "signed-webhook" };

export type Fields = Record<string, string | string[]>;

export type ActionEntry = {
  access: Access;
  /** The page whose UI calls the action (the POST goes there, as from the browser). */
  page: (v: Victim) => string;
  /** A valid input naming the victim's things (what an attacker would send). */
  sample: (v: Victim) => Fields;
  /**
   * The input names one of the victim's objects, so anyone but the victim's own people must be
   * refused. Without it the action can only act on the caller's own business or self (the
   * business comes from the session), so the check is that nothing of the victim's comes back
   * or changes.
   */
  targetsVictim: boolean;
  /** Acts on the caller's own session (signing out, ageing its proof): called on another session of the actor's. */
  ownSession?: boolean;
  /**
   * Changes only the caller's own row (their email choices), whoever they are: every signed-in
   * caller succeeds, nothing of the victim's changes, and the fuzz runs it fully (as a newcomer).
   */
  ownRow?: boolean;
  /**
   * Ends every session of the caller: the shared actors can't survive it, so only the signed-out
   * visitor calls it here; `e2e/sessions.spec.ts` runs it for real as a user of its own.
   */
  endsEverySession?: boolean;
  /** Wrong answers count against the caller's session (a few end it): a fuzz calls it on sessions of its own. */
  countsWrongAnswers?: boolean;
  /** Fields whose kind differs from what their name says everywhere else (`kindOf`): a free-text `reason`. */
  kinds?: Record<string, FieldKind>;
  /** What the input's holder may legitimately be told (an invitation link's holder sees whom it is for). */
  shows?: (v: Victim) => string[];
  /** Answers every caller alike, with success (asking for a reset link): the victim's email gets a stranger's answer. */
  answersAlike?: boolean;
};

export type RouteEntry = {
  access: Access;
  /** The request: path (with query) and, for POST, a body. */
  request: (v: Victim) => { path: string; body?: string; headers?: Record<string, string> };
  targetsVictim: boolean;
};

const business = (permission: Permission): Access => ({ who: "business", permission });
const platform = (permission: Permission): Access => ({ who: "platform", permission });
const adminAccount = (v: Victim) => `/admin/accounts/${v.businessId}`;
/** Nobody but the account's owner ever sees a real reset token (it is only emailed). */
const NOT_A_RESET_TOKEN = "not-a-real-reset-token-000000000000000000000";

export const ACTIONS: Record<string, ActionEntry> = {
  // Auth: public forms. A stranger trying the victim's email gets the same answer as for anyone.
  "app/(auth)/actions.ts#signInAction": {
    access: { who: "anyone" },
    page: () => "/sign-in",
    sample: (v) => ({ email: v.owner.email, password: "not-the-password" }),
    targetsVictim: true,
  },
  "app/(auth)/actions.ts#signUpAction": {
    access: { who: "anyone" },
    page: () => "/sign-up",
    sample: (v) => ({ name: "Impostor", email: v.owner.email, password: "impostor-password-1" }),
    targetsVictim: true,
  },
  "app/(auth)/forgot-password/actions.ts#forgotPasswordAction": {
    access: { who: "anyone" },
    page: () => "/forgot-password",
    sample: (v) => ({ email: v.owner.email }),
    targetsVictim: true,
    answersAlike: true,
  },
  "app/(auth)/reset-password/[token]/actions.ts#resetPasswordAction": {
    access: { who: "anyone" },
    page: () => `/reset-password/${NOT_A_RESET_TOKEN}`,
    sample: () => ({ token: NOT_A_RESET_TOKEN, password: "impostor-password-1", confirm: "impostor-password-1" }),
    targetsVictim: false,
  },
  "app/(account)/account/password-actions.ts#changePasswordAction": {
    access: { who: "self" },
    page: () => "/account",
    // Only ever the caller's own password, which the caller must know: a wrong one is refused.
    sample: () => ({
      currentPassword: "not-the-current-password",
      password: "impostor-password-1",
      confirm: "impostor-password-1",
    }),
    targetsVictim: false,
  },
  "app/(auth)/actions.ts#signOutAction": {
    access: { who: "self" },
    page: () => "/dashboard",
    sample: () => ({}),
    targetsVictim: false,
    ownSession: true,
  },
  "app/(auth)/actions.ts#confirmIdentityAction": {
    access: { who: "self" },
    page: () => "/dashboard",
    sample: (v) => ({ password: "not-the-password", email: v.owner.email }),
    targetsVictim: false,
    countsWrongAnswers: true,
  },
  // The caller's own sessions: another person's session id is not theirs to end.
  "app/(account)/account/sessions/actions.ts#revokeSessionAction": {
    access: { who: "self" },
    page: () => "/account/sessions",
    sample: (v) => ({ sessionId: v.ownerSessionId }),
    targetsVictim: true,
  },
  "app/(account)/account/sessions/actions.ts#expireProofAction": {
    access: { who: "self" },
    page: () => "/account/sessions",
    sample: () => ({}),
    targetsVictim: false,
    ownSession: true,
  },
  "app/(account)/account/sessions/actions.ts#signOutEverywhereAction": {
    access: { who: "self" },
    page: () => "/account/sessions",
    sample: () => ({ includeThis: "yes" }),
    targetsVictim: false,
    ownSession: true,
    endsEverySession: true,
  },
  // Which of the caller's own businesses they work in: the victim's, which they are not in, is refused and nothing is set.
  "app/(auth)/actions.ts#switchBusinessAction": {
    access: { who: "self" },
    page: () => "/dashboard",
    sample: (v) => ({ businessId: v.businessId }),
    targetsVictim: true,
  },
  // Two-factor sign-in's second step: without a pending sign-in (a signed cookie) there is nothing to verify.
  "app/(auth)/sign-in/verify/actions.ts#verifySignInAction": {
    access: { who: "anyone" },
    page: () => "/sign-in/verify",
    sample: () => ({ code: "123456", remember: "on" }),
    targetsVictim: false,
  },
  // The caller's own two-factor settings (the user comes from the session; a device id must be theirs).
  "app/(account)/account/two-factor/actions.ts#confirmTwoFactorAction": {
    access: { who: "self" },
    page: () => "/account/two-factor",
    sample: () => ({ enrolment: "v1.not.a.sealed-enrolment", code: "123456" }),
    targetsVictim: false,
  },
  "app/(account)/account/two-factor/actions.ts#disableTwoFactorAction": {
    access: { who: "self" },
    page: () => "/account",
    sample: () => ({ proof: "123456" }),
    targetsVictim: false,
  },
  "app/(account)/account/two-factor/actions.ts#regenerateRecoveryCodesAction": {
    access: { who: "self" },
    page: () => "/account",
    sample: () => ({}),
    targetsVictim: false,
  },
  // Another user's remembered device (the victim's device holder's) is not theirs to forget.
  "app/(account)/account/two-factor/actions.ts#revokeDeviceAction": {
    access: { who: "self" },
    page: () => "/account",
    sample: (v) => ({ deviceId: v.deviceId }),
    targetsVictim: true,
  },
  "app/(account)/account/two-factor/actions.ts#revokeAllDevicesAction": {
    access: { who: "self" },
    page: () => "/account",
    sample: () => ({}),
    targetsVictim: false,
  },
  "app/(auth)/admin-invite/[token]/actions.ts#acceptAdminInviteAction": {
    access: { who: "self" },
    page: (v) => `/admin-invite/${v.adminInviteToken}`,
    sample: (v) => ({ token: v.adminInviteToken }),
    targetsVictim: true,
  },
  "app/invite/[token]/actions.ts#acceptInviteAction": {
    access: { who: "self" },
    page: (v) => `/invite/${v.inviteToken}`,
    sample: (v) => ({ token: v.inviteToken }),
    targetsVictim: true,
    shows: (v) => [v.inviteEmail],
  },
  "app/invite/[token]/actions.ts#switchAccountAction": {
    access: { who: "self" },
    page: (v) => `/invite/${v.inviteToken}`,
    sample: (v) => ({ token: v.inviteToken }),
    targetsVictim: false,
    ownSession: true,
  },

  // Onboarding: the caller's own business (creating one needs no business yet).
  "app/(business)/onboarding/actions.ts#createBusinessAction": {
    access: { who: "self" },
    page: () => "/onboarding",
    sample: (v) => ({ legalName: v.legalName, country: "US", businessType: "company" }),
    targetsVictim: false,
  },
  "app/(business)/onboarding/actions.ts#continueOnboardingAction": {
    access: business("business.manage"),
    page: () => "/dashboard",
    sample: () => ({}),
    targetsVictim: false,
  },

  // Embedded components.
  "app/(business)/connect-actions.ts#createAccountSession": {
    access: business("business.view"),
    page: () => "/cards",
    sample: () => ({}),
    targetsVictim: false,
  },
  "app/(business)/connect-actions.ts#createIssuingEphemeralKey": {
    access: business("cards.manage"),
    page: () => "/cards",
    sample: (v) => ({ issuingCard: v.cardId, nonce: "security-matrix-nonce" }),
    targetsVictim: true,
  },

  // Cards and rules.
  "app/(business)/cards/actions.ts#saveRulesAction": {
    access: business("rules.manage"),
    page: () => "/cards",
    sample: () => ({ maxAmount: "1.00", velocityPerHour: "1", allowedCountries: "US", killSwitch: "on" }),
    targetsVictim: false,
  },
  "app/(business)/cards/actions.ts#orderPhysicalCardAction": {
    access: business("cards.manage"),
    page: () => "/cards",
    sample: (v) => ({
      clientToken: randomUUID(),
      cardholder: v.cardholderId,
      design: "pd_security_matrix",
      name: "Mallory Attacker",
      line1: "1 Attacker Way",
      city: "San Francisco",
      state: "CA",
      postalCode: "94111",
      country: "US",
      service: "standard",
    }),
    targetsVictim: true,
  },
  "app/(business)/cards/actions.ts#createVirtualCardAction": {
    access: business("cards.manage"),
    page: () => "/cards",
    sample: (v) => ({ clientToken: randomUUID(), cardholder: v.cardholderId, uses: "single", endsOn: "" }),
    targetsVictim: true,
  },
  "app/(business)/cards/actions.ts#activateCardAction": {
    access: business("cards.manage"),
    page: (v) => `/cards/${v.cardId}`,
    sample: (v) => ({ card: v.cardId }),
    targetsVictim: true,
  },
  "app/(business)/cards/actions.ts#setWalletTokenStatusAction": {
    access: business("cards.manage"),
    page: (v) => `/cards/${v.cardId}`,
    sample: (v) => ({ card: v.cardId, token: v.tokenId, status: "suspended" }),
    targetsVictim: true,
  },
  "app/(business)/cards/actions.ts#setCardholderContactAction": {
    access: business("cards.manage"),
    page: (v) => `/cards/${v.cardId}`,
    sample: (v) => ({ card: v.cardId, email: "victim-holder@example.test", phone: "" }),
    targetsVictim: true,
  },

  // Replacing a card: the business's managers from the card page (the victim's card is another business's).
  "app/(business)/cards/[id]/replace-actions.ts#replaceCardAction": {
    access: business("cards.manage"),
    page: (v) => `/cards/${v.cardId}`,
    sample: (v) => ({ clientToken: randomUUID(), card: v.cardId, reason: "lost" }),
    targetsVictim: true,
  },

  // A cardholder's own cards: the victim's card is the victim cardholder's, nobody else's to touch.
  // Card requests: asking names only the asker's own cards or their business's cardholders; deciding
  // finds the request in the decider's own business (another's looks missing).
  "app/(business)/requests/actions.ts#requestCardAction": {
    access: business("cards.request"),
    page: () => "/requests",
    sample: (v) => ({
      kind: "new_card",
      purpose: "Team lunches",
      amount: "50.00",
      interval: "monthly",
      cardholder: v.cardholderId,
    }),
    targetsVictim: true,
  },
  "app/(business)/requests/actions.ts#approveRequestAction": {
    access: business("cards.manage"),
    page: () => "/requests",
    // An empty design (the default one) goes with any request; the fuzz varies it like the other fields.
    sample: (v) => ({ request: v.cardRequestId, design: "" }),
    targetsVictim: true,
  },
  "app/(business)/requests/actions.ts#declineRequestAction": {
    access: business("cards.manage"),
    page: () => "/requests",
    sample: (v) => ({ request: v.cardRequestId, reason: "Not this quarter" }),
    kinds: { reason: "text" },
    targetsVictim: true,
  },
  // Only the requester cancels: another user's request (here the victim cardholder's) looks missing.
  "app/(business)/requests/actions.ts#cancelRequestAction": {
    access: business("cards.request"),
    page: () => "/requests",
    sample: (v) => ({ request: v.cardRequestId }),
    targetsVictim: true,
  },
  "app/(cardholder)/my-cards/actions.ts#requestOwnCardAction": {
    access: business("cards.request"),
    page: () => "/my-cards",
    sample: (v) => ({
      kind: "limit_increase",
      purpose: "More room",
      amount: "900.00",
      interval: "daily",
      card: v.cardId,
    }),
    targetsVictim: true,
  },
  "app/(cardholder)/my-cards/actions.ts#cancelOwnRequestAction": {
    access: business("cards.request"),
    page: () => "/my-cards",
    sample: (v) => ({ request: v.cardRequestId }),
    targetsVictim: true,
  },
  // Notifications are the caller's own: another user's id matches nothing.
  "app/(account)/notifications/actions.ts#markReadAction": {
    access: { who: "self" },
    page: () => "/notifications",
    sample: (v) => ({ notification: v.ownerNotificationId }),
    targetsVictim: true,
  },
  "app/(account)/notifications/actions.ts#markAllReadAction": {
    access: { who: "self" },
    page: () => "/notifications",
    sample: () => ({}),
    targetsVictim: false,
    ownSession: true,
  },
  "app/(account)/notifications/actions.ts#setEmailChoicesAction": {
    access: { who: "self" },
    page: () => "/notifications",
    sample: () => ({ alert: ["purchase_declined", "card_request"] }),
    targetsVictim: false,
    ownRow: true,
    kinds: { alert: "enum" },
  },
  "app/(account)/notifications/actions.ts#setLowBalanceThresholdAction": {
    access: business("business.manage"),
    page: () => "/notifications",
    sample: () => ({ threshold: "100.00" }),
    targetsVictim: false,
  },
  "app/(cardholder)/my-cards/actions.ts#freezeOwnCardAction": {
    access: business("cards.own"),
    page: () => "/my-cards",
    sample: (v) => ({ card: v.cardId }),
    targetsVictim: true,
  },
  "app/(cardholder)/my-cards/actions.ts#revealOwnCardAction": {
    access: business("cards.own"),
    page: () => "/my-cards",
    sample: (v) => ({ issuingCard: v.cardId, nonce: "security-matrix-nonce" }),
    targetsVictim: true,
  },
  "app/(cardholder)/my-cards/actions.ts#unfreezeOwnCardAction": {
    access: business("cards.own"),
    page: () => "/my-cards",
    sample: (v) => ({ card: v.cardId }),
    targetsVictim: true,
  },
  "app/(cardholder)/my-cards/actions.ts#noteOwnPurchaseAction": {
    access: business("cards.own"),
    page: (v) => `/my-cards/purchases/${v.authorizationId}`,
    sample: (v) => ({ purchase: v.authorizationId, category: v.expenseCategoryId, memo: "Client lunch" }),
    kinds: { category: "optional id" },
    targetsVictim: true,
  },
  "app/(cardholder)/my-cards/actions.ts#reportCardAction": {
    access: business("cards.own"),
    page: () => "/my-cards",
    sample: (v) => ({ clientToken: randomUUID(), card: v.cardId, reason: "stolen" }),
    targetsVictim: true,
  },

  // Disputes: on the victim's purchase (by its authorization, as the card page could name it), and
  // submitting a dispute by id (the victim has none: an id in Stripe's shape stands in for one).
  "app/(business)/disputes/actions.ts#openDisputeAction": {
    access: business("cards.manage"),
    page: (v) => `/cards/${v.cardId}`,
    sample: (v) => ({
      clientToken: randomUUID(),
      purchase: v.authorizationId,
      reason: "fraudulent",
      explanation: "Not our purchase",
    }),
    targetsVictim: true,
  },
  "app/(business)/disputes/actions.ts#submitDisputeAction": {
    access: business("cards.manage"),
    page: () => "/disputes",
    sample: () => ({ dispute: "idp_securitymatrix0000000000" }),
    targetsVictim: true,
  },

  // Purchases: notes and review name the victim's purchase; category edits name the victim's category.
  "app/(business)/purchases/actions.ts#notePurchaseAction": {
    access: business("expenses.notes"),
    page: () => "/purchases",
    sample: (v) => ({ purchase: v.authorizationId, category: v.expenseCategoryId, memo: "Mine now" }),
    kinds: { category: "optional id" },
    targetsVictim: true,
  },
  "app/(business)/purchases/actions.ts#reviewPurchaseAction": {
    access: business("expenses.review"),
    page: () => "/purchases",
    sample: (v) => ({ purchase: v.authorizationId, status: "approved" }),
    targetsVictim: true,
  },
  "app/(business)/purchases/actions.ts#addCategoryAction": {
    access: business("expenses.categories"),
    page: () => "/purchases/categories",
    sample: () => ({ name: `Attacker category ${randomUUID().slice(0, 8)}` }),
    targetsVictim: false,
  },
  "app/(business)/purchases/actions.ts#renameCategoryAction": {
    access: business("expenses.categories"),
    page: () => "/purchases/categories",
    sample: (v) => ({ category: v.expenseCategoryId, name: "Renamed by attacker" }),
    targetsVictim: true,
  },
  "app/(business)/purchases/actions.ts#archiveCategoryAction": {
    access: business("expenses.categories"),
    page: () => "/purchases/categories",
    sample: (v) => ({ category: v.expenseCategoryId, archived: "true" }),
    targetsVictim: true,
  },
  "app/(business)/purchases/actions.ts#deleteCategoryAction": {
    access: business("expenses.categories"),
    page: () => "/purchases/categories",
    sample: (v) => ({ category: v.expenseCategoryId }),
    targetsVictim: true,
  },
  // Receipts: attaching one to the victim's purchase (by its authorization, as the purchase page
  // names it), which another business and another of the victim's cardholders must be refused; the
  // policy acts only on the caller's own business.
  "app/(business)/receipts/actions.ts#uploadReceiptAction": {
    access: business("receipts.upload"),
    page: (v) => `/purchases/${v.authorizationId}`,
    sample: (v) => ({ purchase: v.authorizationId }),
    targetsVictim: true,
  },
  "app/(business)/receipts/actions.ts#saveReceiptPolicyAction": {
    access: business("spend.policy"),
    page: () => "/receipts",
    sample: () => ({ requiredAbove: "", freezeAfterDays: "" }),
    targetsVictim: false,
  },

  // Money (US financial accounts).
  "app/(business)/money/actions.ts#linkBankAction": {
    access: business("money.move"),
    page: () => "/money",
    sample: () => ({
      clientToken: randomUUID(),
      holderName: "Mallory Attacker",
      routingNumber: "110000000",
      accountNumber: "000999999999",
      accountType: "checking",
    }),
    targetsVictim: false,
  },
  "app/(business)/money/actions.ts#verifyBankAction": {
    access: business("money.move"),
    page: () => "/money",
    sample: (v) => ({ operation: v.bankOperationId, code: "SM11AA" }),
    targetsVictim: true,
  },
  "app/(business)/money/actions.ts#moveMoneyInAction": {
    access: business("money.move"),
    page: () => "/money",
    sample: (v) => ({ clientToken: randomUUID(), bank: v.bankOperationId, amount: "1.00" }),
    targetsVictim: true,
  },

  // Money (UK/EEA Issuing balance).
  "app/(business)/balance/actions.ts#payOutAction": {
    access: business("money.move"),
    page: () => "/balance",
    sample: () => ({ clientToken: randomUUID(), amount: "1.00" }),
    targetsVictim: false,
  },

  // Sandbox tools.
  "app/(business)/sandbox-tools/actions.ts#simulatePurchaseAction": {
    access: business("cards.manage"),
    page: () => "/sandbox-tools",
    sample: (v) => ({
      card: v.cardId,
      category: "eating_places_restaurants",
      country: "US",
      merchantName: "Mallory Mart",
      amount: "1.00",
    }),
    targetsVictim: true,
  },
  "app/(business)/sandbox-tools/actions.ts#cardShippingAction": {
    access: business("cards.manage"),
    page: () => "/sandbox-tools",
    sample: (v) => ({ card: v.cardId, step: "ship" }),
    targetsVictim: true,
  },
  "app/(business)/sandbox-tools/actions.ts#addToWalletAction": {
    access: business("cards.manage"),
    page: () => "/sandbox-tools",
    sample: (v) => ({ card: v.cardId, wallet: "google_pay", deviceType: "watch", deviceName: "Mallory's Watch" }),
    targetsVictim: true,
  },
  "app/(business)/sandbox-tools/actions.ts#captureAction": {
    access: business("cards.manage"),
    page: () => "/sandbox-tools",
    sample: (v) => ({ authorization: v.authorizationId }),
    targetsVictim: true,
  },
  "app/(business)/sandbox-tools/actions.ts#reverseAction": {
    access: business("cards.manage"),
    page: () => "/sandbox-tools",
    sample: (v) => ({ authorization: v.authorizationId }),
    targetsVictim: true,
  },
  "app/(business)/sandbox-tools/actions.ts#receiveMoneyAction": {
    access: business("money.move"),
    page: () => "/sandbox-tools",
    sample: () => ({ amount: "1.00" }),
    targetsVictim: false,
  },
  "app/(business)/sandbox-tools/actions.ts#completeInboundAction": {
    access: business("money.move"),
    page: () => "/sandbox-tools",
    sample: (v) => ({ transfer: v.inboundTransferId }),
    targetsVictim: true,
  },

  // Payouts (MX/AR stablecoin businesses). The victim is a US business: its ids stand in.
  "app/(business)/payouts/actions.ts#addCryptoDestinationAction": {
    access: business("payouts.manage"),
    page: () => "/payouts",
    sample: () => ({
      clientToken: randomUUID(),
      label: "Mallory wallet",
      network: "polygon",
      address: "0x52908400098527886E0F7030069857D2E4169EE7",
    }),
    targetsVictim: false,
  },
  "app/(business)/payouts/actions.ts#addBankDestinationAction": {
    access: business("payouts.manage"),
    page: () => "/payouts",
    sample: () => ({
      clientToken: randomUUID(),
      label: "Mallory bank",
      currency: "mxn",
      accountNumber: "032180000118359719",
    }),
    targetsVictim: false,
  },
  "app/(business)/payouts/actions.ts#archiveDestinationAction": {
    access: business("payouts.manage"),
    page: () => "/payouts",
    sample: (v) => ({ destinationId: v.bankOperationId }),
    targetsVictim: true,
  },
  "app/(business)/payouts/actions.ts#sendPayoutAction": {
    access: business("payouts.manage"),
    page: () => "/payouts",
    sample: (v) => ({ clientToken: randomUUID(), destinationId: v.bankOperationId, amount: "1.00" }),
    targetsVictim: true,
  },
  "app/(business)/payouts/actions.ts#drivePayoutAction": {
    access: business("payouts.manage"),
    page: () => "/payouts",
    sample: (v) => ({ payoutId: v.bankOperationId, action: "post" }),
    targetsVictim: true,
  },

  // Team.
  "app/(business)/team/actions.ts#inviteAction": {
    access: business("team.manage"),
    page: () => "/team",
    sample: (v) => ({ email: v.inviteEmail, role: "admin" }),
    targetsVictim: false,
  },
  // Linking the victim's cardholder to someone of another business must look like an unknown cardholder.
  "app/(business)/team/actions.ts#inviteCardholderAction": {
    access: business("cardholders.invite"),
    page: () => "/team",
    sample: (v) => ({
      clientToken: randomUUID(),
      email: `sec-cardholder-${randomUUID().slice(0, 8)}@example.test`,
      cardholder: v.cardholderId,
    }),
    targetsVictim: true,
  },
  "app/(business)/team/actions.ts#changeRoleAction": {
    access: business("team.manage"),
    page: () => "/team",
    sample: (v) => ({ membershipId: v.memberMembershipId, role: "admin" }),
    targetsVictim: true,
  },
  "app/(business)/team/actions.ts#removeMemberAction": {
    access: business("team.manage"),
    page: () => "/team",
    sample: (v) => ({ membershipId: v.memberMembershipId }),
    targetsVictim: true,
  },
  "app/(business)/team/actions.ts#revokeInviteAction": {
    access: business("team.manage"),
    page: () => "/team",
    sample: (v) => ({ inviteId: v.inviteId }),
    targetsVictim: true,
  },

  // Platform admin: the business is named in the input, so only admins may call these at all.
  "app/(platform)/admin/accounts/[id]/actions.ts#fundAction": {
    access: platform("platform.funding"),
    page: adminAccount,
    sample: (v) => ({ businessId: v.businessId, amount: "1.00", clientToken: randomUUID() }),
    targetsVictim: true,
  },
  "app/(platform)/admin/accounts/[id]/actions.ts#adminOpenDisputeAction": {
    access: platform("platform.accounts.manage"),
    page: adminAccount,
    sample: (v) => ({
      businessId: v.businessId,
      clientToken: randomUUID(),
      purchase: v.authorizationId,
      reason: "fraudulent",
      explanation: "Not their purchase",
    }),
    targetsVictim: true,
  },
  "app/(platform)/admin/accounts/[id]/actions.ts#freezeAction": {
    access: platform("platform.accounts.manage"),
    page: adminAccount,
    sample: (v) => ({ businessId: v.businessId }),
    targetsVictim: true,
  },
  "app/(platform)/admin/accounts/[id]/actions.ts#unfreezeAction": {
    access: platform("platform.accounts.manage"),
    page: adminAccount,
    sample: (v) => ({ businessId: v.businessId }),
    targetsVictim: true,
  },
  "app/(platform)/admin/accounts/[id]/actions.ts#pauseAction": {
    access: platform("platform.accounts.manage"),
    page: adminAccount,
    sample: (v) => ({ businessId: v.businessId }),
    targetsVictim: true,
  },
  "app/(platform)/admin/accounts/[id]/actions.ts#resumeAction": {
    access: platform("platform.accounts.manage"),
    page: adminAccount,
    sample: (v) => ({ businessId: v.businessId }),
    targetsVictim: true,
  },
  "app/(platform)/admin/accounts/[id]/actions.ts#onboardingLinkAction": {
    access: platform("platform.accounts.manage"),
    page: adminAccount,
    sample: (v) => ({ businessId: v.businessId }),
    targetsVictim: true,
  },
  "app/(platform)/admin/accounts/[id]/actions.ts#closeAction": {
    access: platform("platform.accounts.manage"),
    page: adminAccount,
    sample: (v) => ({ businessId: v.businessId, confirmName: v.legalName }),
    targetsVictim: true,
  },
  "app/(platform)/admin/admins/actions.ts#inviteAdminAction": {
    access: platform("platform.accounts.manage"),
    page: () => "/admin/admins",
    sample: (v) => ({ email: v.owner.email }),
    targetsVictim: true,
  },
  "app/(platform)/admin/events/actions.ts#replayAction": {
    access: platform("platform.accounts.manage"),
    page: (v) => `/admin/events/${v.eventId}`,
    sample: (v) => ({ eventId: v.eventId }),
    targetsVictim: true,
  },
  "app/(platform)/admin/rules/actions.ts#previewRulesAction": {
    access: platform("platform.rules.manage"),
    page: () => "/admin/rules",
    sample: () => ({ blockedCategories: [], allowedCountries: "", maxAmount: "", velocityPerHour: "" }),
    targetsVictim: true,
  },
  "app/(platform)/admin/rules/actions.ts#saveRulesAction": {
    access: platform("platform.rules.manage"),
    page: () => "/admin/rules",
    sample: () => ({
      blockedCategories: ["eating_places_restaurants"],
      allowedCountries: "",
      maxAmount: "0.01",
      velocityPerHour: "1",
      killSwitch: "on",
    }),
    targetsVictim: true,
  },
  "app/(platform)/admin/treasury/actions.ts#revealAction": {
    access: platform("platform.funding"),
    page: () => "/admin/treasury",
    sample: (v) => ({ addressId: v.addressId }),
    targetsVictim: true,
  },
  "app/(platform)/admin/treasury/actions.ts#simulateWireAction": {
    access: platform("platform.funding"),
    page: () => "/admin/treasury",
    sample: (v) => ({ addressId: v.addressId, amount: "1.00" }),
    targetsVictim: true,
  },
};

export const ROUTES: Record<string, RouteEntry> = {
  // The victim's purchase's receipt: only the victim's people who see cards, or its own cardholder.
  "GET /api/receipts/[id]": {
    access: business("cards.view"),
    request: (v) => ({ path: `/api/receipts/${v.authorizationId}` }),
    targetsVictim: true,
  },
  "GET /api/health": { access: { who: "anyone" }, request: () => ({ path: "/api/health" }), targetsVictim: false },
  "GET /api/auth/[...nextauth]": {
    access: { who: "anyone" },
    request: () => ({ path: "/api/auth/session" }),
    targetsVictim: false,
  },
  "POST /api/auth/[...nextauth]": {
    access: { who: "anyone" },
    // Signing in as the victim without the password (and without Auth.js's CSRF token).
    request: (v) => ({
      path: "/api/auth/callback/credentials",
      body: new URLSearchParams({ email: v.owner.email, password: "not-the-password" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
    targetsVictim: true,
  },
  // Stripe's three receivers, each checking its own secret: forged deliveries that would pause the
  // victim's account (v1 snapshot), close it (v2 thin) or approve a purchase on its card (real time).
  "POST /api/webhooks/stripe/authorizations": {
    access: { who: "signed-webhook" },
    request: (v) => ({
      path: "/api/webhooks/stripe/authorizations",
      body: JSON.stringify({
        id: `evt_forged_rta_${v.accountId}`,
        object: "event",
        type: "issuing_authorization.request",
        account: v.accountId,
        data: {
          object: {
            id: "iauth_forged",
            object: "issuing.authorization",
            card: { id: "ic_forged" },
            pending_request: { amount: 100_000, currency: "usd" },
          },
        },
      }),
      headers: {
        "content-type": "application/json",
        "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
    }),
    targetsVictim: true,
  },
  "POST /api/webhooks/stripe/snapshot": {
    access: { who: "signed-webhook" },
    request: (v) => ({
      path: "/api/webhooks/stripe/snapshot",
      body: JSON.stringify({
        id: `evt_forged_${v.accountId}`,
        object: "event",
        type: "account.updated",
        account: v.accountId,
        data: {
          object: {
            id: v.accountId,
            object: "account",
            charges_enabled: false,
            capabilities: { card_issuing: "inactive" },
          },
        },
      }),
      headers: {
        "content-type": "application/json",
        "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
    }),
    targetsVictim: true,
  },
  "POST /api/webhooks/stripe/thin": {
    access: { who: "signed-webhook" },
    request: (v) => ({
      path: "/api/webhooks/stripe/thin",
      body: JSON.stringify({
        id: `evt_test_forged_${v.accountId}`,
        object: "v2.core.event",
        type: "v2.core.account.closed",
        created: new Date().toISOString(),
        livemode: false,
        related_object: { id: v.accountId, type: "v2.core.account", url: `/v2/core/accounts/${v.accountId}` },
      }),
      headers: {
        "content-type": "application/json",
        "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
    }),
    targetsVictim: true,
  },
  // Whether the caller's own business's money moved (a token, for the wallet and balance pages to refresh).
  "GET /api/money/version": {
    access: business("money.view"),
    request: () => ({ path: "/api/money/version" }),
    targetsVictim: false,
  },
  "GET /api/admin/analytics": {
    access: platform("platform.accounts.view"),
    request: () => ({ path: "/api/admin/analytics?by=business&days=90" }),
    targetsVictim: true,
  },
  "GET /onboarding/refresh": {
    access: business("business.manage"),
    request: () => ({ path: "/onboarding/refresh" }),
    targetsVictim: false,
  },
  // Clears the cookie of a session ended elsewhere; a live session is only sent home (no sign-out by link).
  "GET /session-ended": {
    access: { who: "self" },
    request: () => ({ path: "/session-ended" }),
    targetsVictim: false,
  },
  "GET /purchases/export": {
    access: business("expenses.export"),
    request: () => ({ path: `/purchases/export?format=quickbooks&month=${new Date().toISOString().slice(0, 7)}` }),
    targetsVictim: false,
  },
  "GET /wallet/export": {
    access: business("money.view"),
    request: () => ({ path: "/wallet/export" }),
    targetsVictim: false,
  },
};
