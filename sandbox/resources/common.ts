import type { Row } from "../store/store";
import type { Ctx } from "../wire/context";
import { resourceMissing } from "../wire/errors";

type Json = Record<string, unknown>;

/** Metadata update: `null` (empty string on the wire) clears all, a `null` value deletes a key. */
export function mergeMetadata(current: Json | undefined, patch: unknown): Record<string, string> {
  if (patch === undefined) return { ...(current as Record<string, string> | undefined) };
  if (patch === null) return {};
  const out: Record<string, string> = { ...(current as Record<string, string> | undefined) };
  for (const [k, v] of Object.entries(patch as Json)) {
    if (v === null || v === "") delete out[k];
    else out[k] = String(v);
  }
  return out;
}

/** The `POST …/:id` handler of objects whose only writable field is `metadata` (Issuing authorizations, transactions). */
export function metadataUpdate<D extends { metadata: unknown }, E, R extends { data: D; extra: E }>(
  load: (ctx: Ctx, id: string) => R,
  save: (ctx: Ctx, before: R, next: D, extra: E) => unknown,
): (ctx: Ctx) => unknown {
  return (ctx) => {
    const row = load(ctx, ctx.path.id ?? "");
    const next = {
      ...structuredClone(row.data),
      metadata: mergeMetadata(row.data.metadata as Json, ctx.params.metadata),
    };
    return save(ctx, row, next, row.extra);
  };
}

/** Applies an update hash onto a stored sub-object: `null` unsets a field, nested hashes merge. */
export function deepMerge(current: unknown, patch: unknown): unknown {
  if (patch === undefined) return current;
  if (patch === null) return null;
  if (typeof patch !== "object" || Array.isArray(patch)) return patch;
  const base: Json = current && typeof current === "object" && !Array.isArray(current) ? { ...(current as Json) } : {};
  for (const [k, v] of Object.entries(patch as Json)) base[k] = deepMerge(base[k], v);
  return base;
}

/** Loads a row the acting account owns, or throws Stripe's 404 — another account's object looks missing. */
export function ownedRow<T = Json>(ctx: Ctx, table: string, id: string, objectName: string, param = "id"): Row<T> {
  const row = ctx.tx.get<T>(table, id);
  if (!row || row.owner !== ctx.account) throw resourceMissing(objectName, id, param);
  return row;
}

/** The acting account's objects in a table, newest first. */
export function newestFirst<T = Json>(ctx: Ctx, table: string, keep: (row: Row<T>) => boolean = () => true): T[] {
  const out: T[] = [];
  const rows = ctx.kernel.store.rows<T>(table);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]?.[1];
    if (row && row.owner === ctx.account && keep(row)) out.push(row.data);
  }
  return out;
}

/** Stripe's `Address`: all six keys, `null` where nothing was given. */
export function fullAddress(a: unknown): {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
} {
  const v = (a && typeof a === "object" ? a : {}) as Record<string, string | null | undefined>;
  return {
    city: v.city ?? null,
    country: v.country ?? null,
    line1: v.line1 ?? null,
    line2: v.line2 ?? null,
    postal_code: v.postal_code ?? null,
    state: v.state ?? null,
  };
}
