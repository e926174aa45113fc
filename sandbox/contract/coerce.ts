import { paramError } from "../wire/errors";
import { constraintFor, type Constraint } from "./constraints";
import { resolve } from "./index";
import type { Node } from "./types";

export type Mode = "v1" | "v2";

type Scope = { mode: Mode; endpoint: string };

function name(path: string[], mode: Mode): string {
  if (mode === "v2") return path.join(".");
  const [head, ...rest] = path;
  return `${head ?? ""}${rest.map((p) => `[${p}]`).join("")}`;
}

function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")}, or ${values[values.length - 1]}`;
}

function isTree(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `{ "0": a, "1": b }` (indexed form arrays) → `[a, b]`. */
function asArray(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (!isTree(v)) return null;
  const keys = Object.keys(v);
  if (!keys.every((k) => /^\d+$/.test(k))) return null;
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => v[k]);
}

/** Which option kinds can take a value of this shape (so a union reports the error of the option that was meant). */
function shapeOf(v: unknown): "tree" | "scalar" {
  return typeof v === "object" && v !== null ? "tree" : "scalar";
}
function optionShape(n: Node): "tree" | "scalar" | "both" {
  const r = resolve(n);
  if (r.t === "obj" || r.t === "arr") return "tree";
  if (r.t === "any") return "both";
  if (r.t === "union") {
    const shapes = new Set(r.of.map(optionShape));
    return shapes.size === 1 ? ([...shapes][0] as "tree" | "scalar") : "both";
  }
  return "scalar";
}

function check(value: unknown, rule: Constraint | undefined, path: string[], scope: Scope): void {
  if (!rule) return;
  const p = name(path, scope.mode);
  if (typeof value === "number") {
    if (rule.min !== undefined && value < rule.min)
      throw paramError("parameter_invalid_integer", p, `Invalid ${p}: must be at least ${rule.min}`);
    if (rule.max !== undefined && value > rule.max)
      throw paramError("parameter_invalid_integer", p, `Invalid ${p}: must be at most ${rule.max}`);
  }
  if (typeof value === "string") {
    if (rule.maxLength !== undefined && value.length > rule.maxLength)
      throw paramError("parameter_invalid_string", p, `Invalid ${p}: must be at most ${rule.maxLength} characters`);
    if (rule.pattern && !rule.pattern.test(value))
      throw paramError("parameter_invalid_string", p, `Invalid ${p}: ${value}`);
  }
}

/**
 * Coerces decoded parameters (v1 form values are all strings; v2 is JSON) against a contract
 * node and returns them typed. `null` means "unset" (an empty string in v1, JSON null in v2).
 * Throws Stripe's parameter errors: unknown, missing, and the `parameter_invalid_*` family.
 */
export function coerceParams(
  value: Record<string, unknown>,
  node: Node,
  mode: Mode,
  endpoint: string,
  list = false,
): Record<string, unknown> {
  // v2 lists page with `page`, the token in `next_page_url` (docs.stripe.com/api-v2-overview#pagination); the SDKs
  // follow those URLs and so never declare it.
  if (mode === "v2" && list && "page" in value) {
    const { page, ...rest } = value;
    const out = coerce(rest, node, [], { mode, endpoint }) as Record<string, unknown>;
    return { ...out, page: coerce(page, { t: "str" }, ["page"], { mode, endpoint }) };
  }
  return coerce(value, node, [], { mode, endpoint }) as Record<string, unknown>;
}

function coerce(value: unknown, node: Node, path: string[], scope: Scope): unknown {
  // A file (`FileData`) arrives as a part of a multipart body (`wire/multipart.ts`), never as a form value.
  if (node.t === "ref" && node.name === "lib#FileData") {
    if (isTree(value) && Buffer.isBuffer(value.data)) return value;
    const p = name(path, scope.mode);
    throw paramError(
      "parameter_invalid_string",
      p,
      `Invalid ${p}: send it as a file part of a multipart/form-data request.`,
    );
  }
  const n = resolve(node);
  const { mode } = scope;
  const p = () => name(path, mode);
  const rule = () => constraintFor(scope.endpoint, path);
  if (n.t === "union") return coerceUnion(value, n.of, path, scope);
  if (n.t === "any") return value;
  if (value === null || (mode === "v1" && value === "")) {
    if (n.t === "empty" || n.t === "null") return null;
    throw paramError(
      "parameter_invalid_empty",
      p(),
      `You passed an empty string for '${p()}'. We assume empty values are an attempt to unset a parameter; however '${p()}' cannot be unset. You should remove '${p()}' from your request or supply a non-empty value.`,
    );
  }
  switch (n.t) {
    case "empty":
    case "null":
      throw paramError("parameter_invalid_string", p(), `Invalid ${p()}: must be empty to unset it`);
    case "str":
    case "decimal": {
      if (typeof value !== "string")
        throw paramError("parameter_invalid_string", p(), `Invalid string: ${p()} must be a string`);
      if (n.t === "decimal" && !/^-?\d+(\.\d+)?$/.test(value))
        throw paramError("parameter_invalid_string", p(), `Invalid decimal: ${value}`);
      check(value, rule(), path, scope);
      return value;
    }
    case "lit":
    case "enum": {
      const allowed = n.t === "lit" ? [String(n.v)] : n.values;
      const text =
        typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : null;
      if (text === null || !allowed.includes(text))
        throw paramError("parameter_invalid_string", p(), `Invalid ${p()}: must be one of ${listOf(allowed)}`);
      return n.t === "lit" ? n.v : text;
    }
    case "num":
    case "int64": {
      const float = rule()?.float;
      const pattern = float ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
      let out: number;
      if (typeof value === "number" && (mode === "v2" || float) && (float || Number.isInteger(value))) out = value;
      else if (typeof value === "string" && pattern.test(value)) out = Number(value);
      else
        throw paramError(
          "parameter_invalid_integer",
          p(),
          `Invalid integer: ${typeof value === "string" ? value : JSON.stringify(value)}`,
        );
      if (!float && !Number.isSafeInteger(out))
        throw paramError("parameter_invalid_integer", p(), `Invalid integer: ${String(value)}`);
      check(out, rule(), path, scope);
      return out;
    }
    case "bool": {
      if (typeof value === "boolean" && mode === "v2") return value;
      if (value === "true") return true;
      if (value === "false") return false;
      throw paramError("parameter_invalid_boolean", p(), `Invalid boolean: ${String(value)}`);
    }
    case "arr": {
      const items = asArray(value);
      if (!items) throw paramError("parameter_invalid_array", p(), `Invalid array: ${p()} must be an array`);
      const max = rule()?.maxItems;
      if (max !== undefined && items.length > max)
        throw paramError("parameter_invalid_array", p(), `Invalid ${p()}: must contain at most ${max} items`);
      return items.map((item, i) => coerce(item, n.item, [...path, String(i)], scope));
    }
    case "obj": {
      if (!isTree(value)) throw paramError("parameter_invalid_object", p(), `Invalid object: ${p()} must be an object`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const here = [...path, k];
        const prop = n.props[k];
        if (prop) out[k] = coerce(v, prop.n, here, scope);
        else if (n.extra) out[k] = coerce(v, n.extra, here, scope);
        else throw paramError("parameter_unknown", name(here, mode), `Received unknown parameter: ${name(here, mode)}`);
      }
      for (const [k, prop] of Object.entries(n.props)) {
        if (!prop.opt && !(k in out)) {
          const here = name([...path, k], mode);
          throw paramError("parameter_missing", here, `Missing required param: ${here}.`);
        }
      }
      const limit = rule()?.maxKeys;
      if (limit !== undefined && n.extra && Object.keys(out).length > limit)
        throw paramError("parameter_invalid_object", p(), `Invalid ${p()}: at most ${limit} keys`);
      return out;
    }
  }
  return value;
}

function coerceUnion(value: unknown, options: Node[], path: string[], scope: Scope): unknown {
  if (options.length === 0)
    throw paramError(
      "parameter_unknown",
      name(path, scope.mode),
      `Received unknown parameter: ${name(path, scope.mode)}`,
    );
  const shape = shapeOf(value);
  // Options of the value's shape first: their error is the one the caller needs to see.
  const fits = (o: Node) => ["both", shape].includes(optionShape(o));
  const ordered = [...options.filter(fits), ...options.filter((o) => !fits(o))];
  let first: unknown;
  for (const option of ordered) {
    try {
      return coerce(value, option, path, scope);
    } catch (err) {
      first ??= err;
    }
  }
  throw first;
}
