import type { StripeConnectInstance } from "@stripe/connect-js/pure";

/**
 * One Connect instance per page lifetime and signed-in business: re-renders and remounts reuse
 * it (connect.js loads once per page anyway); a different user or business gets a fresh one.
 */
let current: { key: string; instance: StripeConnectInstance } | null = null;

export function connectInstanceFor(key: string, create: () => StripeConnectInstance): StripeConnectInstance {
  if (current?.key === key) return current.instance;
  if (current) void current.instance.logout().catch(() => {});
  current = { key, instance: create() };
  return current.instance;
}

export function forgetConnectInstance(): void {
  current = null;
}
