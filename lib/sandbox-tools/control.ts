import "server-only";
import { sandboxUrl, stripeMode } from "@/lib/config";

export type SandboxControl = (path: string, body: Record<string, unknown>) => Promise<unknown>;

/** Sandbox mode only: POSTs to one of the sandbox's `/_sandbox/…` controls; undefined against real Stripe. */
export function sandboxControl(): SandboxControl | undefined {
  if (stripeMode() !== "sandbox") return undefined;
  return async (path, body) =>
    (
      await fetch(`${sandboxUrl()}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
    ).json();
}
