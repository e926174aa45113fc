import "server-only";
import { z } from "zod";
import { platformSpec, userSpec } from "@/lib/actions/execute";
import { FROZEN_ACTION, freezeCards, unfreezeCards } from "./cards";
import { closeAccount, closeSchema } from "./close";
import type { AdminDeps } from "./deps";
import { replayEvent, replaySchema } from "./events";
import { fundBusiness, fundSchema } from "./funding";
import { acceptAdminInvite, createAdminInvite, inviteSchema } from "./invites";
import { onboardingLinkFor } from "./onboarding";
import { setPaused } from "./pause";
import { previewPlatformRules, savePlatformRuleSet } from "./rules";
import { rulesFormSchema } from "@/lib/rules/rules-form";
import { businessIdSchema } from "./schemas";
import { revealAccountNumber, revealSchema, simulateWire, simulateWireSchema } from "./treasury";

/** The account page shows what every account action changed. */
const accountPage = (input: { businessId: string }) => [`/admin/accounts/${input.businessId}`];

function pauseSpec(deps: () => AdminDeps, paused: boolean) {
  return platformSpec({
    permission: "platform.accounts.manage",
    schema: businessIdSchema,
    run: ({ actor, input }) => setPaused(deps(), actor, input, paused),
    audit: (input) => ({
      action: paused ? "admin.account.paused" : "admin.account.resumed",
      target: input.businessId,
      businessId: input.businessId,
    }),
    revalidate: accountPage,
  });
}

/**
 * The platform admin's actions. Their cores take `deps` (the app's in `app-deps.ts`), so tests run
 * these very specs on a test database and the sandbox, without Next.js.
 */
export function adminActions(deps: () => AdminDeps) {
  return {
    fund: platformSpec({
      permission: "platform.funding",
      stepUp: true,
      schema: fundSchema,
      run: ({ actor, input }) => fundBusiness(deps(), actor, input),
      audit: (input, data) => ({
        action: "admin.account.funded",
        target: data.stripeObjectId,
        businessId: input.businessId,
        data: {
          operationId: data.operationId,
          debited: data.debited,
          credited: data.credited,
          ...(data.replayed ? { replayed: true } : {}),
        },
      }),
      revalidate: accountPage,
    }),

    freeze: platformSpec({
      permission: "platform.accounts.manage",
      schema: businessIdSchema,
      run: ({ input }) => freezeCards(deps(), input),
      audit: (input, data) => ({
        action: FROZEN_ACTION,
        target: input.businessId,
        businessId: input.businessId,
        data: { cardIds: data.cardIds },
      }),
      revalidate: accountPage,
    }),

    unfreeze: platformSpec({
      permission: "platform.accounts.manage",
      schema: businessIdSchema,
      run: ({ input }) => unfreezeCards(deps(), input),
      audit: (input, data) => ({
        action: "admin.cards.unfrozen",
        target: input.businessId,
        businessId: input.businessId,
        data: { cardIds: data.cardIds },
      }),
      revalidate: accountPage,
    }),

    pause: pauseSpec(deps, true),
    resume: pauseSpec(deps, false),

    onboardingLink: platformSpec({
      permission: "platform.accounts.manage",
      schema: businessIdSchema,
      run: ({ input }) => onboardingLinkFor(deps(), input),
      // The link itself is a bearer credential for onboarding: it is not kept in the log.
      audit: (input) => ({
        action: "admin.account.onboarding_link_sent",
        target: input.businessId,
        businessId: input.businessId,
      }),
      revalidate: accountPage,
    }),

    close: platformSpec({
      permission: "platform.accounts.manage",
      schema: closeSchema,
      run: ({ actor, input }) => closeAccount(deps(), actor, input),
      audit: (input, data) => ({
        action: "admin.account.closed",
        target: input.businessId,
        businessId: input.businessId,
        data: { frozenCardIds: data.frozenCardIds },
      }),
      revalidate: accountPage,
    }),

    previewRules: platformSpec({
      permission: "platform.rules.manage",
      schema: rulesFormSchema,
      run: ({ input }) => previewPlatformRules(deps(), input),
    }),

    saveRules: platformSpec({
      permission: "platform.rules.manage",
      schema: rulesFormSchema,
      run: ({ actor, input }) => savePlatformRuleSet(deps(), actor, input),
      audit: (_input, data) => ({
        action: "admin.rules.saved",
        target: "platform",
        data: { before: data.previous, after: data.rules },
      }),
      revalidate: () => ["/admin/rules"],
    }),

    /** The full account number of one of the platform's own addresses; every reveal is audited. */
    reveal: platformSpec({
      permission: "platform.funding",
      stepUp: true,
      schema: revealSchema,
      run: ({ input }) => revealAccountNumber(deps(), input.addressId),
      // Who saw it and when; never the number itself.
      audit: (input) => ({ action: "admin.treasury.account_number_revealed", target: input.addressId }),
    }),

    simulateWire: platformSpec({
      permission: "platform.funding",
      schema: simulateWireSchema,
      run: ({ input }) => simulateWire(deps(), input),
      audit: (input) => ({
        action: "admin.treasury.wire_simulated",
        target: input.addressId,
        data: { amount: input.amount, currency: "usd" },
      }),
      revalidate: () => ["/admin/treasury"],
    }),

    invite: platformSpec({
      permission: "platform.accounts.manage",
      stepUp: true,
      schema: inviteSchema,
      run: ({ actor, input }) => createAdminInvite(deps(), actor, input.email),
      // The link is a credential: the log records who invited whom, never the token.
      audit: (input, data) => ({ action: "admin.invite.created", target: data.inviteId, data: { email: input.email } }),
      revalidate: () => ["/admin/admins"],
    }),

    replay: platformSpec({
      permission: "platform.accounts.manage",
      schema: replaySchema,
      run: ({ input }) => replayEvent(deps(), input.eventId),
      audit: (input, data) => ({
        action: "admin.event.replayed",
        target: input.eventId,
        data: { applied: data.applied },
      }),
      revalidate: (input) => [`/admin/events/${encodeURIComponent(input.eventId)}`],
    }),

    /** Not a platform action: the invitee is not an admin until this succeeds. */
    acceptInvite: userSpec({
      schema: z.object({ token: z.string().max(200).catch("") }),
      run: ({ user, input }) => acceptAdminInvite(deps().db, user, input.token),
      redirectTo: () => "/admin",
    }),
  };
}

type AdminActionName = Exclude<keyof ReturnType<typeof adminActions>, "acceptInvite">;

/**
 * Every platform action with a valid input, so one test can prove that each refuses business users
 * and signed-out users. A new admin action belongs here.
 */
export const ADMIN_SPECS: Array<{
  name: string;
  action: AdminActionName;
  input: (businessId: string) => Record<string, unknown>;
}> = [
  {
    name: "fund",
    action: "fund",
    input: (businessId) => ({ businessId, amount: "50.00", clientToken: "token-refusal-0000000" }),
  },
  { name: "freeze cards", action: "freeze", input: (businessId) => ({ businessId }) },
  { name: "unfreeze cards", action: "unfreeze", input: (businessId) => ({ businessId }) },
  { name: "pause", action: "pause", input: (businessId) => ({ businessId }) },
  { name: "resume", action: "resume", input: (businessId) => ({ businessId }) },
  { name: "onboarding link", action: "onboardingLink", input: (businessId) => ({ businessId }) },
  { name: "close", action: "close", input: (businessId) => ({ businessId, confirmName: "Business" }) },
  {
    name: "save platform rules",
    action: "saveRules",
    input: () => ({ blockedCategories: ["betting_casino_gambling"], killSwitch: "on" }),
  },
  { name: "reveal the platform's account number", action: "reveal", input: () => ({ addressId: "finaddr_test_x" }) },
  {
    name: "simulate an incoming wire",
    action: "simulateWire",
    input: () => ({ addressId: "finaddr_test_x", amount: "100" }),
  },
  { name: "invite a platform admin", action: "invite", input: () => ({ email: "new-admin@example.test" }) },
  { name: "replay an event", action: "replay", input: () => ({ eventId: "evt_anything" }) },
  {
    name: "preview platform rules",
    action: "previewRules",
    input: () => ({ blockedCategories: ["betting_casino_gambling"] }),
  },
];
