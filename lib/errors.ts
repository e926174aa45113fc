/** Typed error codes with one table of user-facing messages. */
export const ERROR_MESSAGES = {
  validation_failed: "Some fields need attention",
  unauthenticated: "Please sign in to continue",
  forbidden: "You don't have permission to do that",
  not_found: "We couldn't find that",
  invalid_credentials: "That email and password don't match an account",
  account_throttled: "Too many attempts for this account. Try again in a moment",
  network_blocked: "Too many failed sign-ins from your network. Try again later",
  email_taken: "An account with this email already exists",
  two_factor_required: "Enter the code from your authenticator app to finish signing in",
  stripe_unavailable: "Stripe could not be reached. Try again in a moment",
  insufficient_funds: "Not enough available balance",
  internal: "Something went wrong on our side. Try again",
  step_up_required: "Confirm it's you: enter your password again to continue",
  two_factor_setup_required:
    "Your role requires two-factor sign-in: set it up at /account/two-factor before you continue",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export type FieldErrors = Record<string, string>;

export type ActionError = { code: ErrorCode; message: string; fields?: FieldErrors };

/** A failure may carry back the text a form sent (its `echo` fields), so the form can show it again. */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: ActionError; values?: Record<string, string> };

export function fail(code: ErrorCode, fields?: FieldErrors, message?: string): { ok: false; error: ActionError } {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code], ...(fields ? { fields } : {}) } };
}

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A throttled sign-in's message names the wait, rounded up so trying again then works. */
export function signInWaitMessage(code: "account_throttled" | "network_blocked", retryAfterMs: number): string {
  return code === "account_throttled"
    ? `Too many attempts for this account. Try again in ${plural(Math.max(1, Math.ceil(retryAfterMs / 1000)), "second")}`
    : `Too many failed sign-ins from your network. Try again in ${plural(Math.max(1, Math.ceil(retryAfterMs / 60_000)), "minute")}`;
}

/** Turns zod issues into one message per field (the first for each). */
export function fieldErrorsFromIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
