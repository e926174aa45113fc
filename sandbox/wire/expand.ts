import type { Ctx } from "./context";
import { invalidRequest } from "./errors";

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * `trail` is the path from the nearest enclosing object that has an `object` name, so
 * computed fields deep inside a hash (`treasury.financial_account.financial_addresses.aba.account_number`)
 * can be registered under that full name; their expander receives that enclosing object.
 */
function expandAt(
  node: Json,
  segments: string[],
  full: string,
  ctx: Ctx,
  owner: { root: Json; trail: string } | null = null,
): void {
  const [field, ...rest] = segments;
  if (field === undefined) return;
  const objectName = typeof node.object === "string" ? node.object : "";
  const here = objectName ? { root: node, trail: objectName } : (owner ?? { root: node, trail: "" });
  const trail = `${here.trail}.${field}`;
  const computed = ctx.kernel.fieldExpanders.get(trail);
  if (computed && rest.length === 0) {
    node[field] = computed(here.root, ctx);
    return;
  }
  const value = node[field];
  if (value === null || value === undefined) {
    if (!(field in node)) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: "expand" });
    return;
  }
  if (typeof value === "string") {
    const prefix = value.slice(0, value.indexOf("_"));
    const expander = ctx.kernel.expanders.get(prefix);
    const loaded = expander?.(value, ctx);
    if (!expander) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: "expand" });
    if (!loaded) return;
    node[field] = loaded;
    if (rest.length) expandAt(loaded, rest, full, ctx);
    return;
  }
  if (Array.isArray(value) && rest.length) {
    for (const item of value) if (isObj(item)) expandAt(item, rest, full, ctx, { root: here.root, trail });
    return;
  }
  if (isObj(value)) {
    if (rest.length === 0) return; // already embedded
    if (value.object === "list" && rest[0] === "data" && Array.isArray(value.data)) {
      for (const item of value.data) if (isObj(item)) expandAt(item, rest.slice(1), full, ctx);
      return;
    }
    expandAt(value, rest, full, ctx, { root: here.root, trail });
    return;
  }
  throw invalidRequest(`This property cannot be expanded (${full}).`, { param: "expand" });
}

/** Applies v1 `expand[]` paths (up to four levels; `data.` reaches into list items). */
export function applyExpand(body: unknown, paths: string[], ctx: Ctx): unknown {
  if (!isObj(body) || paths.length === 0) return body;
  const out = structuredClone(body);
  for (const full of paths) {
    const segments = full.split(".");
    if (segments.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${full}`, {
        param: "expand",
      });
    if (out.object === "list" && segments[0] === "data" && Array.isArray(out.data)) {
      for (const item of out.data) if (isObj(item)) expandAt(item, segments.slice(1), full, ctx);
    } else expandAt(out, segments, full, ctx);
  }
  return out;
}
