import type { Kernel } from "../kernel";
import { newId } from "../store/ids";
import type { Tx } from "../store/store";
import type { Ctx } from "./context";
import { DEFAULT_API_VERSION } from "./pipeline";

/**
 * A context for work that no API request started (verification finishing, the hosted
 * onboarding page, sandbox controls). Events it emits carry `request: {id: null}` like Stripe's.
 */
export function systemCtx(kernel: Kernel, tx: Tx, origin = "http://127.0.0.1"): { ctx: Ctx; commit(): Promise<void> } {
  const nowMs = kernel.clock.nowMs();
  const platform = kernel.platformId();
  const after: Array<() => void> = [];
  const ctx: Ctx = {
    kernel,
    tx,
    params: {},
    path: {},
    account: platform,
    platform,
    isConnected: false,
    context: null,
    mode: "v1",
    request: { id: null, idempotency_key: null },
    apiVersion: DEFAULT_API_VERSION,
    origin,
    now: Math.floor(nowMs / 1000),
    nowMs,
    id: (prefix, length) => newId(tx, prefix, length),
    afterCommit: (fn) => after.push(fn),
  };
  // Commits the change set and runs the same post-commit hooks as API requests.
  const commit = async () => {
    await tx.commit();
    for (const fn of after) fn();
    for (const hook of kernel.onCommitted) hook();
  };
  return { ctx, commit };
}
