import type { Ctx } from "./context";

/**
 * A handler's way to wait for outside I/O (the real-time authorization call) without
 * breaking the "handlers are synchronous" rule. The handler returns `defer(wait, resume)`:
 * the pipeline commits what the first part wrote (ids it allocated, so no other request can
 * reuse them), awaits `wait()`, then runs `resume(ctx, value)` synchronously in a fresh change
 * set. Everything that must be atomic with the outcome (re-checking funds, the hold, events)
 * belongs in `resume`, which sees every change committed meanwhile.
 */
export class Deferred<T = unknown> {
  constructor(
    readonly wait: () => Promise<T>,
    readonly resume: (ctx: Ctx, value: T) => unknown,
  ) {}
}

export function defer<T>(wait: () => Promise<T>, resume: (ctx: Ctx, value: T) => unknown): Deferred<T> {
  return new Deferred(wait, resume) as Deferred<T>;
}
