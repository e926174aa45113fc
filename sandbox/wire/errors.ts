/**
 * A Stripe error response. Statuses follow what stripe-node maps to the right class:
 * 400/404 → StripeInvalidRequestError (or StripeIdempotencyError), 401 → authentication,
 * 402 → card, 403 → permission. Business errors are never 409 or 5xx: the SDK retries those.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: { type: string; code?: string; param?: string; message: string; [k: string]: unknown },
    /** Validation failures are not stored under an idempotency key (Stripe does the same). */
    readonly beforeExecution = false,
    /** Commit the request's changes even though it answers with this error. */
    readonly keepEffects = false,
  ) {
    super(error.message);
  }

  body(): { error: Record<string, unknown> } {
    const e: Record<string, unknown> = { ...this.error };
    if (e.code && !e.doc_url) e.doc_url = `https://stripe.com/docs/error-codes/${String(e.code).replace(/_/g, "-")}`;
    return { error: e };
  }
}

export function invalidRequest(message: string, extra: { param?: string; code?: string } = {}): ApiError {
  return new ApiError(400, { type: "invalid_request_error", message, ...extra });
}

/** Parameter validation (unknown / missing / malformed): 400, never stored for idempotency. */
export function paramError(code: string, param: string, message: string): ApiError {
  return new ApiError(400, { type: "invalid_request_error", code, param, message }, true);
}

/** An object addressed in the URL that this account cannot see. */
export function resourceMissing(objectName: string, id: string, param = "id"): ApiError {
  return new ApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    param,
    message: `No such ${objectName}: '${id}'`,
  });
}

/** An object named in a body parameter that does not exist: Stripe answers 400 with the param. */
export function referenceMissing(objectName: string, id: string, param: string): ApiError {
  return new ApiError(400, {
    type: "invalid_request_error",
    code: "resource_missing",
    param,
    message: `No such ${objectName}: '${id}'`,
  });
}

/** v2 errors: the SDK picks the class from `type`, then `code: invalid_fields`. */
export function v2Error(
  status: number,
  type: string,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ApiError {
  return new ApiError(status, { type, code, message, ...extra });
}

export function v2NotFound(objectName: string, id: string): ApiError {
  return new ApiError(404, {
    type: "invalid_request_error",
    code: "not_found",
    message: `The ${objectName} ${id} was not found.`,
  });
}
