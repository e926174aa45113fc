import type { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import type { Business, User, UserSession } from "@/db/schema";
import { can, type BusinessRole, type Permission, type Role } from "@/lib/auth/permissions";
import { provenRecently } from "@/lib/auth/step-up-window";
import { fail, fieldErrorsFromIssues, type ActionResult } from "@/lib/errors";

/** Who is acting: resolved from the session and membership, never from input. */
export type Actor = {
  userId: string;
  role: Role;
  businessId: string | null;
  /** When this session last proved who is at the keyboard (sign-in or step-up). */
  provenAt?: Date;
  /** Their role requires two-factor sign-in and they have not set it up: every action is refused until they do. */
  mustEnrol?: boolean;
};
/** `cardholderId`: the Issuing cardholder a `cardholder` member is, from their membership (never from input). */
export type BusinessActor = Actor & { businessId: string; role: BusinessRole; cardholderId?: string | null };
export type PlatformActor = Actor & { role: "platform_admin"; businessId: null };

/** A business action runs for the actor in the business row loaded from their membership (never from input). */
export type BusinessScope = { actor: BusinessActor; business: Business };
/** A platform action names the business it acts on in its input, if any. */
export type PlatformScope = { actor: PlatformActor };
/** A signed-in user who need not belong to a business yet (creating one, accepting an invitation). */
export type UserScope = {
  user: User;
  /** This browser's session (to keep it when ending the others). */
  session: UserSession;
  memberships: ReadonlyArray<{ business: Business; role: BusinessRole }>;
};
/** Nobody yet (signing in or up). */
export type PublicScope = Record<never, never>;

/** `businessId` files a platform admin's action under the business it acted on (else the actor's). */
export type AuditEntry = {
  action: string;
  target?: string;
  businessId?: string | null;
  data?: Record<string, unknown>;
};

/** What happens after a success, outside the spec's own work. */
type AfterSuccess<S extends z.ZodType, T> = {
  /** Paths whose pages show the result. */
  revalidate?: (input: z.output<S>, data: T) => string[];
  /** Where the browser goes next. */
  redirectTo?: (input: z.output<S>, data: T) => string;
  /** Fields whose submitted text a failed form shows again (never a secret). */
  echo?: readonly string[];
};

/** The one shape of an action: who may run it, what it takes, what it does, what it records. */
export type ActionSpec<S extends z.ZodType, T, C extends { actor: Actor }> = AfterSuccess<S, T> & {
  permission: Permission;
  /** Moves money out, funds, reveals secrets or changes roles: needs a proof of identity from the last few minutes. */
  stepUp?: true;
  schema: S;
  run: (ctx: C & { input: z.output<S> }) => Promise<ActionResult<T>>;
  audit?: (input: z.output<S>, data: T) => AuditEntry;
};
export type BusinessActionSpec<S extends z.ZodType, T> = ActionSpec<S, T, BusinessScope>;
export type PlatformActionSpec<S extends z.ZodType, T> = ActionSpec<S, T, PlatformScope>;

/** Actions before there is a role to check (signing in, creating a business): the scope is the whole guard. */
export type OpenActionSpec<S extends z.ZodType, T, C> = AfterSuccess<S, T> & {
  schema: S;
  run: (ctx: C & { input: z.output<S> }) => Promise<ActionResult<T>>;
};

/** Define specs through these so `run` and `audit` are typed from the schema and the result. */
export const businessSpec = <S extends z.ZodType, T>(spec: BusinessActionSpec<S, T>) => spec;
export const platformSpec = <S extends z.ZodType, T>(spec: PlatformActionSpec<S, T>) => spec;
export const userSpec = <S extends z.ZodType, T>(spec: OpenActionSpec<S, T, UserScope>) => spec;
export const publicSpec = <S extends z.ZodType, T>(spec: OpenActionSpec<S, T, PublicScope>) => spec;

/** What the app does after a success (revalidate, redirect); tests pass none. */
export type Effects = { revalidate: (path: string) => void; redirect: (path: string) => never };

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

function parseInput<S extends z.ZodType>(schema: S, rawInput: unknown): ActionResult<z.output<S>> {
  const input = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
  const nul = nulField(input);
  if (nul !== null) return fail("validation_failed", { [nul]: NUL_MESSAGE });
  const parsed = schema.safeParse(input);
  if (!parsed.success) return fail("validation_failed", fieldErrorsFromIssues(parsed.error.issues));
  return { ok: true, data: parsed.data };
}

/** Runs after validation; anything unexpected is logged and becomes a generic message, never a stack. */
async function runParsed<S extends z.ZodType, T, C extends object>(
  label: string,
  ctx: C,
  spec: OpenActionSpec<S, T, C>,
  rawInput: unknown,
  record: (input: z.output<S>, data: T) => Promise<void>,
  effects: Effects | undefined,
): Promise<ActionResult<T>> {
  const parsed = parseInput(spec.schema, rawInput);
  if (!parsed.ok) return parsed;
  let result: ActionResult<T>;
  try {
    result = await spec.run({ ...ctx, input: parsed.data });
    if (result.ok) await record(parsed.data, result.data);
  } catch (err) {
    console.error(`action failed (${label})`, err);
    return fail("internal");
  }
  // Outside the try: Next's redirect is thrown, and must reach Next.
  if (result.ok && effects) {
    for (const path of spec.revalidate?.(parsed.data, result.data) ?? []) effects.revalidate(path);
    const to = spec.redirectTo?.(parsed.data, result.data);
    if (to) effects.redirect(to);
  }
  return result;
}

/**
 * The one order every business and platform action follows: actor, two-factor enrolment, permission, step-up, parse, run, audit,
 * then revalidate and redirect. Errors come back as typed results.
 */
export async function executeAction<S extends z.ZodType, T, C extends { actor: Actor }>(
  db: DbOrTx,
  scope: C | null,
  spec: ActionSpec<S, T, C>,
  rawInput: unknown,
  effects?: Effects,
): Promise<ActionResult<T>> {
  if (!scope) return fail("unauthenticated");
  const { actor } = scope;
  if (actor.mustEnrol) return fail("two_factor_setup_required");
  if (!can(actor.role, spec.permission)) return fail("forbidden");
  if (spec.stepUp && !provenRecently(actor.provenAt)) return fail("step_up_required");
  const record = async (input: z.output<S>, data: T) => {
    if (!spec.audit) return;
    const entry = spec.audit(input, data);
    await recordAudit(db, { ...entry, businessId: entry.businessId ?? actor.businessId, actorUserId: actor.userId });
  };
  return runParsed(spec.permission, scope, spec, rawInput, record, effects);
}

/** Signed-in-user and public actions: the same parse, run and effects, with no role to check. */
export async function executeOpenAction<S extends z.ZodType, T, C extends object>(
  scope: C,
  spec: OpenActionSpec<S, T, C>,
  rawInput: unknown,
  effects?: Effects,
): Promise<ActionResult<T>> {
  return runParsed("open", scope, spec, rawInput, async () => {}, effects);
}
