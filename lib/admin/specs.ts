import type { ActionSpec } from "@/lib/actions/execute";
import type { PlatformActor } from "@/lib/actions/safe-action";
import { freezeSpec, unfreezeSpec } from "./cards";
import { closeSpec } from "./close";
import type { AdminDeps } from "./deps";
import { fundSpec } from "./funding";
import { onboardingLinkSpec } from "./onboarding";
import { pauseSpec, resumeSpec } from "./pause";
import { previewRulesSpec, saveRulesSpec } from "./rules";
import { replaySpec } from "./events";
import { inviteSpec } from "./invites";
import { revealSpec, simulateWireSpec } from "./treasury";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySpec = (deps: AdminDeps) => ActionSpec<any, any, PlatformActor>;

/**
 * Every admin action with a valid input, so one test can prove that each refuses business users
 * and signed-out users. A new admin action belongs here.
 */
export const ADMIN_SPECS: Array<{
  name: string;
  spec: AnySpec;
  input: (businessId: string) => Record<string, unknown>;
}> = [
  {
    name: "fund",
    spec: fundSpec,
    input: (businessId) => ({ businessId, amount: "50.00", clientToken: "token-refusal-0000000" }),
  },
  { name: "freeze cards", spec: freezeSpec, input: (businessId) => ({ businessId }) },
  { name: "unfreeze cards", spec: unfreezeSpec, input: (businessId) => ({ businessId }) },
  { name: "pause", spec: pauseSpec, input: (businessId) => ({ businessId }) },
  { name: "resume", spec: resumeSpec, input: (businessId) => ({ businessId }) },
  { name: "onboarding link", spec: onboardingLinkSpec, input: (businessId) => ({ businessId }) },
  { name: "close", spec: closeSpec, input: (businessId) => ({ businessId, confirmName: "Business" }) },
  {
    name: "save platform rules",
    spec: saveRulesSpec,
    input: () => ({ blockedCategories: ["betting_casino_gambling"], killSwitch: "on" }),
  },
  { name: "reveal the platform's account number", spec: revealSpec, input: () => ({ addressId: "finaddr_test_x" }) },
  {
    name: "simulate an incoming wire",
    spec: simulateWireSpec,
    input: () => ({ addressId: "finaddr_test_x", amount: "100" }),
  },
  { name: "invite a platform admin", spec: inviteSpec, input: () => ({ email: "new-admin@example.test" }) },
  { name: "replay an event", spec: replaySpec, input: () => ({ eventId: "evt_anything" }) },
  {
    name: "preview platform rules",
    spec: previewRulesSpec,
    input: () => ({ blockedCategories: ["betting_casino_gambling"] }),
  },
];
