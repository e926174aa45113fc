import { paramError } from "./errors";
import type { ParamValue } from "./form";

export type Schema =
  | { kind: "string"; enum?: readonly string[]; max?: number; pattern?: RegExp }
  | { kind: "int"; min?: number; max?: number }
  | { kind: "bool" }
  | { kind: "object"; fields: Record<string, Field> }
  | { kind: "map"; value: Schema }
  | { kind: "array"; item: Schema; max?: number }
  | { kind: "union"; options: Schema[] }
  | { kind: "any" };
export type Field = Schema & { required?: boolean; emptyable?: boolean };
export type Mode = "v1" | "v2";

// Small constructors so endpoint schemas read like Stripe's parameter lists.
export const str = (opts: { max?: number; pattern?: RegExp } = {}): Field => ({ kind: "string", ...opts });
export const oneOf = (...values: string[]): Field => ({ kind: "string", enum: values });
export const int = (opts: { min?: number; max?: number } = {}): Field => ({ kind: "int", ...opts });
export const bool = (): Field => ({ kind: "bool" });
export const obj = (fields: Record<string, Field>): Field => ({ kind: "object", fields });
export const map = (value: Schema = { kind: "string" }): Field => ({ kind: "map", value, emptyable: true });
export const arr = (item: Schema, max?: number): Field => ({ kind: "array", item, max });
export const union = (...options: Schema[]): Field => ({ kind: "union", options });
export const any = (): Field => ({ kind: "any" });
export const req = (f: Field): Field => ({ ...f, required: true });
export const emptyable = (f: Field): Field => ({ ...f, emptyable: true });
export const metadata = (): Field => map({ kind: "string", max: 500 });
export const rangeOrInt = (): Field =>
  union({ kind: "int" }, { kind: "object", fields: { gt: int(), gte: int(), lt: int(), lte: int() } });

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

/** Turns `{ "0": a, "1": b }` (indexed form arrays) into `[a, b]`. */
function asArray(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (!isTree(v)) return null;
  const keys = Object.keys(v);
  if (!keys.every((k) => /^\d+$/.test(k))) return null;
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => v[k]);
}

/**
 * Coerces decoded parameters against a schema. `null` in the result means "unset"
 * (an empty string in v1, JSON null in v2). Throws Stripe's parameter errors.
 */
export function coerce(value: unknown, schema: Field, path: string[], mode: Mode): unknown {
  const p = () => name(path, mode);
  if (value === null || (mode === "v1" && value === "")) {
    if (schema.emptyable || schema.kind === "any") return null;
    throw paramError(
      "parameter_invalid_empty",
      p(),
      `You passed an empty string for '${p()}'. We assume empty values are an attempt to unset a parameter; however '${p()}' cannot be unset. You should remove '${p()}' from your request or supply a non-empty value.`,
    );
  }
  switch (schema.kind) {
    case "any":
      return value;
    case "string": {
      if (typeof value !== "string") throw paramError("parameter_invalid_string", p(), `Invalid string: ${p()} must be a string`);
      if (schema.enum && !schema.enum.includes(value)) {
        throw paramError("parameter_invalid_string", p(), `Invalid ${p()}: must be one of ${listOf(schema.enum)}`);
      }
      if (schema.max !== undefined && value.length > schema.max) {
        throw paramError("parameter_invalid_string", p(), `Invalid ${p()}: must be at most ${schema.max} characters`);
      }
      if (schema.pattern && !schema.pattern.test(value)) throw paramError("parameter_invalid_string", p(), `Invalid ${p()}: ${value}`);
      return value;
    }
    case "int": {
      let n: number;
      if (mode === "v2" && typeof value === "number") n = value;
      else if (typeof value === "string" && /^-?\d+$/.test(value)) n = Number(value);
      else throw paramError("parameter_invalid_integer", p(), `Invalid integer: ${typeof value === "string" ? value : JSON.stringify(value)}`);
      if (!Number.isSafeInteger(n)) throw paramError("parameter_invalid_integer", p(), `Invalid integer: ${String(value)}`);
      if (schema.min !== undefined && n < schema.min) throw paramError("parameter_invalid_integer", p(), `Invalid ${p()}: must be at least ${schema.min}`);
      if (schema.max !== undefined && n > schema.max) throw paramError("parameter_invalid_integer", p(), `Invalid ${p()}: must be at most ${schema.max}`);
      return n;
    }
    case "bool": {
      if (typeof value === "boolean" && mode === "v2") return value;
      if (value === "true") return true;
      if (value === "false") return false;
      throw paramError("parameter_invalid_boolean", p(), `Invalid boolean: ${String(value)}`);
    }
    case "array": {
      const items = asArray(value);
      if (!items) throw paramError("parameter_invalid_array", p(), `Invalid array: ${p()} must be an array`);
      if (schema.max !== undefined && items.length > schema.max) {
        throw paramError("parameter_invalid_array", p(), `Invalid ${p()}: must contain at most ${schema.max} items`);
      }
      return items.map((item, i) => coerce(item, schema.item, [...path, String(i)], mode));
    }
    case "map": {
      if (!isTree(value)) throw paramError("parameter_invalid_object", p(), `Invalid object: ${p()} must be an object`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = coerce(v, { ...schema.value, emptyable: true }, [...path, k], mode);
      return out;
    }
    case "object": {
      if (!isTree(value)) throw paramError("parameter_invalid_object", p(), `Invalid object: ${p()} must be an object`);
      return coerceObject(value, schema.fields, path, mode);
    }
    case "union": {
      let first: unknown;
      for (const option of schema.options) {
        try {
          return coerce(value, option, path, mode);
        } catch (err) {
          first ??= err;
        }
      }
      throw first;
    }
  }
}

export function coerceObject(value: Record<string, unknown>, fields: Record<string, Field>, path: string[], mode: Mode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const field = fields[k];
    const here = [...path, k];
    if (!field) throw paramError("parameter_unknown", name(here, mode), `Received unknown parameter: ${name(here, mode)}`);
    out[k] = coerce(v as ParamValue, field, here, mode);
  }
  for (const [k, field] of Object.entries(fields)) {
    if (field.required && (out[k] === undefined || out[k] === null) && !(k in out && field.emptyable)) {
      const here = name([...path, k], mode);
      throw paramError("parameter_missing", here, `Missing required param: ${here}.`);
    }
  }
  return out;
}
