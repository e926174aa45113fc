import type { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { auditLog } from "@/db/schema";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { fail, fieldErrorsFromIssues, type ActionResult } from "@/lib/errors";

/** Who is acting: resolved from the session and membership, never from input. */
export type Actor = { userId: string; role: Role; businessId: string | null };

/** `businessId` files a platform admin's action under the business it acted on (else the actor's). */
export type AuditEntry = {
  action: string;
  target?: string;
  businessId?: string | null;
  data?: Record<string, unknown>;
};

export type ActionSpec<S extends z.ZodType, T, A extends Actor> = {
  permission: Permission;
  schema: S;
  run: (actor: A, input: z.output<S>) => Promise<ActionResult<T>>;
  audit?: (input: z.output<S>, data: T) => AuditEntry;
};

/** Form posts become plain objects of strings; repeated keys become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    const existing = out[key];
    out[key] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return out;
}

export const NUL_MESSAGE = "Remove the NUL character: it can't be stored";

/** The path of the first string in the input holding a NUL character (the database can't store one). */
export function nulField(value: unknown, path: readonly string[] = [], depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "_form" : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [key, v] of Object.entries(value)) {
    const found = nulField(v, Array.isArray(value) ? path : [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The one order every action follows: actor, permission, parse, run, audit. Errors come back as
 * typed results; anything unexpected is logged and becomes a generic message, never a stack.
 */
export async function executeAction<S extends z.ZodType, T, A extends Actor>(
  db: DbOrTx,
  actor: A | null,
  spec: ActionSpec<S, T, A>,
  rawInput: unknown,
): Promise<ActionResult<T>> {
  if (!actor) return fail("unauthenticated");
  if (!can(actor.role, spec.permission)) return fail("forbidden");
  const input = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
  const nul = nulField(input);
  if (nul !== null) return fail("validation_failed", { [nul]: NUL_MESSAGE });
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) return fail("validation_failed", fieldErrorsFromIssues(parsed.error.issues));
  try {
    const result = await spec.run(actor, parsed.data);
    if (result.ok && spec.audit) {
      const entry = spec.audit(parsed.data, result.data);
      await db.insert(auditLog).values({
        actorUserId: actor.userId,
        businessId: entry.businessId ?? actor.businessId,
        action: entry.action,
        target: entry.target,
        data: entry.data ?? {},
      });
    }
    return result;
  } catch (err) {
    console.error(`action failed (${spec.permission})`, err);
    return fail("internal");
  }
}
