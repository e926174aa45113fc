import type { Kernel } from "../../kernel";
import type { SessionState } from "../../resources/account-sessions";
import { ApiError } from "../../wire/errors";
import type { V1Call, V1Result } from "./internal-call";
import type { Grant } from "./session-auth";

/** One request of the elements API, already authenticated. */
export type OpCall = {
  kernel: Kernel;
  session: SessionState;
  /** Query (GET) or JSON body (POST), as the page sent it: every op picks what it forwards. */
  input: Record<string, unknown>;
  path: Record<string, string>;
  idempotencyKey?: string;
  ip: string;
  userAgent: string;
  /** Calls `/v1` through the pipeline as the session's account (`asPlatform` for platform-only routes like `/v1/accounts/:id`). */
  v1(call: Omit<V1Call, "host" | "account"> & { asPlatform?: boolean }): Promise<V1Result>;
};

/**
 * An allowed operation: method + path under `/connect/api`, the grants that allow it (any one
 * suffices: a component, or a component with a feature), and what it runs against `/v1`.
 */
export type Op = { method: "GET" | "POST"; path: string; grants: readonly Grant[]; run(c: OpCall): Promise<V1Result> };

const ID = /^[A-Za-z0-9_]{3,80}$/;

/** A path segment that names an object; anything else can never match one, so it is a 404. */
export function objectId(c: OpCall, name: string): string {
  const id = c.path[name] ?? "";
  if (!ID.test(id))
    throw new ApiError(404, {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `No such object: '${id}'`,
    });
  return id;
}

export const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** Whole minor units from a positive integer or a decimal string such as "12.50". */
export function minorUnits(v: unknown, param = "amount"): number {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new ApiError(400, {
      type: "invalid_request_error",
      code: "parameter_invalid_integer",
      param,
      message: "Enter an amount greater than zero.",
    });
  return n;
}

/** Pagination the lists forward: `limit` (1..100) and `starting_after`. */
export function page(input: Record<string, unknown>): Record<string, unknown> {
  const limit = Math.min(100, Math.max(1, Number(input.limit) || 10));
  const after = text(input.starting_after);
  return { limit, ...(after && ID.test(after) ? { starting_after: after } : {}) };
}

export const ok = (body: Record<string, unknown>): V1Result => ({ status: 200, body });

type Match = { op: Op; path: Record<string, string> };

export function matchOp(ops: readonly Op[], method: string, pathname: string): Match | null | "method" {
  const parts = pathname.split("/").filter(Boolean);
  let wrongMethod = false;
  for (const op of ops) {
    const segs = op.path.split("/").filter(Boolean);
    if (segs.length !== parts.length) continue;
    const path: Record<string, string> = {};
    const hit = segs.every((s, i) => {
      const p = parts[i] ?? "";
      if (s.startsWith(":")) return ((path[s.slice(1)] = decodeURIComponent(p)), true);
      return s === p;
    });
    if (!hit) continue;
    if (op.method === method) return { op, path };
    wrongMethod = true;
  }
  return wrongMethod ? "method" : null;
}
