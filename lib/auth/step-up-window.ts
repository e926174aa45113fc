/**
 * How long a proof of identity (signing in, or confirming the password again) covers sensitive
 * actions: moving money, funding, card secrets, roles. Shared by the executor and its tests.
 */
export const STEP_UP_WINDOW_MS = 5 * 60_000;

export function provenRecently(provenAt: Date | null | undefined, now = new Date()): boolean {
  return provenAt != null && now.getTime() - provenAt.getTime() <= STEP_UP_WINDOW_MS;
}
