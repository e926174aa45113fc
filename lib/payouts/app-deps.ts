import "server-only";
import { getDb } from "@/db";
import { sandboxUrl, stripeMode } from "@/lib/config";
import { getStripe } from "@/lib/stripe/client";
import type { PayoutDeps } from "./deps";

/** The app's payout dependencies; in sandbox mode also the sandbox's controls (driving a payout's status). */
export function appPayoutDeps(): PayoutDeps {
  const sandboxControl =
    stripeMode() === "sandbox"
      ? async (path: string, body: Record<string, unknown>) =>
          (
            await fetch(`${sandboxUrl()}${path}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(body),
            })
          ).json()
      : undefined;
  return { db: getDb(), stripe: getStripe(), sandboxControl };
}
