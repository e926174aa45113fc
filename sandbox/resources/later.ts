import type { Kernel } from "../kernel";
import type { Ctx } from "../wire/context";
import { systemCtx } from "../wire/system-ctx";

/**
 * Delayed sandbox work (a feature finishing activation, a financial address going live).
 * Each job runs in its own change set like a request would; jobs are keyed so scheduling
 * twice is harmless, and modules re-schedule from stored state in `kernel.onStart`
 * (timers do not survive a restart, the state that needs them does).
 */
const timers = new WeakMap<Kernel, Map<string, NodeJS.Timeout>>();

function mine(kernel: Kernel): Map<string, NodeJS.Timeout> {
  let m = timers.get(kernel);
  if (!m) {
    m = new Map();
    timers.set(kernel, m);
    kernel.store.onReset(() => stopLater(kernel));
  }
  return m;
}

/** Runs `fn` once in a system change set after `delayMs` (now when 0, still after the caller commits). */
export function later(kernel: Kernel, key: string, delayMs: number, fn: (ctx: Ctx) => void): void {
  const m = mine(kernel);
  if (m.has(key)) return;
  const t = setTimeout(
    () => {
      m.delete(key);
      void runNow(kernel, fn).catch((err: unknown) => console.error(`sandbox job ${key}:`, err));
    },
    Math.max(0, delayMs),
  );
  m.set(key, t);
}

/** Runs `fn` in a system change set now and commits it (also used by `/_sandbox` triggers). */
export async function runNow<T>(kernel: Kernel, fn: (ctx: Ctx) => T): Promise<T> {
  const { ctx, commit } = systemCtx(kernel, kernel.store.begin());
  const out = fn(ctx);
  await commit();
  return out;
}

export function cancelLater(kernel: Kernel, key: string): void {
  const m = mine(kernel);
  const t = m.get(key);
  if (t) clearTimeout(t);
  m.delete(key);
}

export function stopLater(kernel: Kernel): void {
  const m = timers.get(kernel);
  if (!m) return;
  for (const t of m.values()) clearTimeout(t);
  m.clear();
}
