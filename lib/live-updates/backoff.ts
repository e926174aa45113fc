/** How often a page asks whether its money changed: soon after a change, then less and less often. */
export const POLL_MIN_MS = 2_000;
export const POLL_MAX_MS = 30_000;

/** The wait before the next ask: back to the shortest after a change, else doubled up to the longest. */
export function nextPollDelay(current: number, changed: boolean): number {
  if (changed) return POLL_MIN_MS;
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, current * 2));
}
