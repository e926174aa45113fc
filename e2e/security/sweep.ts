// Calling matrix entries as an actor and judging the answers.
import { expect } from "@playwright/test";
import { can, type BusinessRole } from "../../lib/auth/permissions";
import { errorCode, isOk, type Actor, type Answer } from "./client";
import { call, credentialsOf, signIn } from "./fixtures";
import type { ActionEntry, Fields, RouteEntry } from "./matrix";
import type { ActionArg } from "./rsc";
import type { Victim } from "./fixtures";

/** Every server action is called as `useActionState` calls it: `(prevState, formData)`. */
export function argsFor(fields: Fields): ActionArg[] {
  return [{}, { form: fields }];
}

export type Call = { key: string; actor: string; request: string; answer: Answer; shown?: string[] };

/**
 * A session of its own for a call that ends it (signing out ends the session row at the server,
 * so a copy of the cookies would end the actor's too); a visitor without credentials gets a copy.
 */
export async function separateSession(actor: Actor): Promise<Actor> {
  const creds = credentialsOf(actor);
  return creds ? signIn(actor.baseURL, `${actor.name} (another session)`, creds.email, creds.password) : actor.clone();
}

async function confirmIdentity(who: Actor, actor: Actor, page: string): Promise<boolean> {
  const creds = credentialsOf(actor);
  if (!creds) return false;
  const proof = await call(who, "app/(auth)/actions.ts#confirmIdentityAction", page, [
    {},
    { form: { password: creds.password } },
  ]);
  return proof.result !== undefined && isOk(proof.result);
}

/** Calls one action entry with its sample input aimed at the victim (on a copy of the cookies if it ends the session). */
export async function callEntry(
  actor: Actor,
  key: string,
  entry: ActionEntry,
  v: Victim,
  fields = entry.sample(v),
): Promise<Call> {
  const page = entry.page(v);
  const who = entry.ownSession ? await separateSession(actor) : actor;
  try {
    let answer = await call(who, key, page, argsFor(fields));
    // A sensitive action asks a session signed in minutes ago for its password again: give it and
    // retry, as the browser's dialog does, so the answer that counts is the tenancy check's.
    if (errorCode(answer.result) === "step_up_required" && (await confirmIdentity(who, actor, page)))
      answer = await call(who, key, page, argsFor(fields));
    return {
      key,
      actor: actor.name,
      request: `${page} ${JSON.stringify(fields)}`,
      answer,
      shown: entry.shows?.(v) ?? [],
    };
  } finally {
    if (who !== actor) await who.dispose();
  }
}

export async function callRoute(actor: Actor, key: string, entry: RouteEntry, v: Victim): Promise<Call> {
  const req = entry.request(v);
  const method = key.split(" ")[0]!;
  const answer =
    method === "GET" ? await actor.get(req.path) : await actor.post(req.path, { headers: req.headers, data: req.body });
  return { key, actor: actor.name, request: `${req.path} ${req.body ?? ""}`, answer };
}

/** The victim's strings found in an answer that were not in the request itself (an echo of what was sent is no leak). */
export function leaks(c: Call, v: Victim): string[] {
  const seen = `${c.answer.body}\n${c.answer.location ?? ""}\n${c.answer.actionRedirect ?? ""}`;
  return v.secrets.filter((s) => !c.request.includes(s) && !c.shown?.includes(s) && seen.includes(s));
}

export function describe(c: Call): string {
  const a = c.answer;
  return `${c.actor} → ${c.key}: HTTP ${a.status}${a.location ? ` → ${a.location}` : ""}${a.actionRedirect ? ` ⇒ ${a.actionRedirect}` : ""} ${a.result !== undefined ? JSON.stringify(a.result) : a.body.slice(0, 160)}`;
}

export function isSignInRedirect(a: Answer): boolean {
  return a.status >= 300 && a.status < 400 && /^(https?:\/\/[^/]+)?\/sign-in(\?|$)/.test(a.location ?? "");
}

/** Refused: an HTTP redirect by the proxy, a 401/403/404, or an error result with one of `codes`. Never an ok result. */
export function expectRefused(c: Call, codes: readonly string[]): void {
  const a = c.answer;
  const code = errorCode(a.result);
  const httpRefusal = (a.status >= 300 && a.status < 400 && a.location !== null) || [401, 403, 404].includes(a.status);
  const refused = httpRefusal || (code !== null && codes.includes(code));
  expect(refused, `expected a refusal (${codes.join("|")}): ${describe(c)}`).toBe(true);
  expect(a.actionRedirect, `a refused action redirected: ${describe(c)}`).toBeNull();
  expect(
    isOk(a.result) && a.result !== undefined && !httpRefusal && code === null,
    `ok for a refused caller: ${describe(c)}`,
  ).toBe(false);
}

export function expectNoServerError(c: Call): void {
  expect(c.answer.status, `server error: ${describe(c)}`).toBeLessThan(500);
  expect(errorCode(c.answer.result), `internal error: ${describe(c)}`).not.toBe("internal");
}

/** What a business user with `role` must get from a business entry aimed at the victim. */
export function expectedForRole(entry: ActionEntry, role: BusinessRole): "forbidden" | "refused" | "own-business" {
  if (entry.access.who !== "business") throw new Error("not a business entry");
  if (!can(role, entry.access.permission)) return "forbidden";
  return entry.targetsVictim ? "refused" : "own-business";
}

/** Runs `fn` over `items`, `size` at a time, keeping their order. */
export async function pool<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}
