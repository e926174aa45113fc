import "server-only";
import { getDb } from "@/db";
import { sandboxControl } from "@/lib/sandbox-tools/control";
import { getStripe } from "@/lib/stripe/client";
import type { PayoutDeps } from "./deps";

/** The app's payout dependencies; in sandbox mode also the sandbox's controls (driving a payout's status). */
export function appPayoutDeps(): PayoutDeps {
  return { db: getDb(), stripe: getStripe(), sandboxControl: sandboxControl() };
}
