import "server-only";
import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { mustEnrol } from "@/lib/auth/two-factor/policy";
import { fail, type ActionResult } from "@/lib/errors";
import {
  executeAction,
  executeOpenAction,
  formDataToObject,
  type BusinessActionSpec,
  type BusinessScope,
  type Effects,
  type OpenActionSpec,
  type PlatformActionSpec,
  type PlatformScope,
  type PublicScope,
  type UserScope,
} from "./execute";
import type { FormAction } from "./form-action";

const effects: Effects = { revalidate: (path) => revalidatePath(path), redirect: (path) => redirect(path) };

/** A failed form gets back the text it sent in the `echo` fields, so the page can show it again. */
function withEcho<T>(result: ActionResult<T>, form: unknown, echo: readonly string[] | undefined): ActionResult<T> {
  if (result.ok || !echo || !(form instanceof FormData)) return result;
  const sent = formDataToObject(form);
  return { ...result, values: Object.fromEntries(echo.map((k) => [k, typeof sent[k] === "string" ? sent[k] : ""])) };
}

/** A server action for business users: the business is the one the session's membership resolves to. */
export function businessAction<S extends z.ZodType, T>(spec: BusinessActionSpec<S, T>): FormAction<T> {
  return async (_prev, form) => {
    const viewer = await getViewer();
    const ctx = viewer && !viewer.user.platformRole ? await resolveBusinessContext(viewer) : null;
    const scope: BusinessScope | null = ctx
      ? {
          actor: {
            userId: ctx.user.id,
            role: ctx.role,
            businessId: ctx.business.id,
            cardholderId: ctx.cardholderId,
            provenAt: viewer!.session.lastProofAt,
            mustEnrol: mustEnrol(viewer!),
          },
          business: ctx.business,
        }
      : null;
    return withEcho(await executeAction(getDb(), scope, spec, form, effects), form, spec.echo);
  };
}

/** A server action for platform admins only. */
export function platformAction<S extends z.ZodType, T>(spec: PlatformActionSpec<S, T>): FormAction<T> {
  return async (_prev, form) => {
    const viewer = await getViewer();
    const scope: PlatformScope | null =
      viewer?.user.platformRole === "platform_admin"
        ? {
            actor: {
              userId: viewer.user.id,
              role: "platform_admin",
              businessId: null,
              provenAt: viewer.session.lastProofAt,
              mustEnrol: mustEnrol(viewer),
            },
          }
        : null;
    return withEcho(await executeAction(getDb(), scope, spec, form, effects), form, spec.echo);
  };
}

/** A server action for any signed-in user, before they have a business or a role in it. */
export function userAction<S extends z.ZodType, T>(spec: OpenActionSpec<S, T, UserScope>): FormAction<T> {
  return async (_prev, form) => {
    const viewer = await getViewer();
    const result = viewer ? await executeOpenAction(viewer, spec, form, effects) : fail("unauthenticated");
    return withEcho(result, form, spec.echo);
  };
}

/** A server action anyone may call (signing in or up); throttling lives in what it calls. */
export function publicAction<S extends z.ZodType, T>(spec: OpenActionSpec<S, T, PublicScope>): FormAction<T> {
  return async (_prev, form) => withEcho(await executeOpenAction({}, spec, form, effects), form, spec.echo);
}
