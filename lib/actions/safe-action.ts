import "server-only";
import type { z } from "zod";
import { getDb } from "@/db";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { executeAction, type ActionSpec, type Actor } from "./execute";

export type BusinessActor = Actor & { businessId: string; role: "owner" | "admin" | "member" };
export type PlatformActor = Actor & { role: "platform_admin"; businessId: null };

/** A server action for business users: the business comes from the session's membership. */
export function businessAction<S extends z.ZodType, T>(spec: ActionSpec<S, T, BusinessActor>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const viewer = await getViewer();
    const ctx = viewer && !viewer.user.platformRole ? await resolveBusinessContext(viewer) : null;
    const actor: BusinessActor | null = ctx
      ? { userId: ctx.user.id, role: ctx.role, businessId: ctx.business.id }
      : null;
    return executeAction(getDb(), actor, spec, input);
  };
}

/** A server action for platform admins only. */
export function platformAction<S extends z.ZodType, T>(spec: ActionSpec<S, T, PlatformActor>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const viewer = await getViewer();
    const actor: PlatformActor | null =
      viewer?.user.platformRole === "platform_admin"
        ? { userId: viewer.user.id, role: "platform_admin", businessId: null }
        : null;
    return executeAction(getDb(), actor, spec, input);
  };
}
