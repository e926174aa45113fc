import { resolve } from "./index";
import type { Endpoint, Node } from "./types";

/**
 * Checks a JSON value the sandbox returned against a contract node (what the SDK's types declare),
 * the way a strict type checker would read the SDK's `.d.ts`:
 *
 * - a required (non-`opt`) property missing, or a property the type does not declare (unless the
 *   object has an index signature, `extra`);
 * - a wrong JSON type, or `null` where the type has no null;
 * - an enum value the SDK does not list. Open enums (`… | OtherString`) are read as closed: the SDK
 *   lists every value of its pinned API version, and the sandbox speaks only that version;
 * - `int64` is a string of digits: the GA SDK's V2 coercion (`coerceV2ResponseData`, `int64_string`)
 *   turns such strings into `bigint` and leaves a JSON number a `number`, which the type does not
 *   allow; the preview SDK declares no int64 fields at all. `decimal` is a decimal string (`"1.25"`);
 * - a union passes if one member passes; otherwise the errors of its closest member are reported:
 *   members whose `object`/`type` literal matches the value first, then the one with fewest errors.
 *
 * `previous_attributes` (v1 `*.updated` events) is checked against the event object's type with
 * every key optional, at every depth: Stripe's diff nests only as deep as the change
 * (`{capabilities: {card_issuing: "inactive"}}`), and a key the object did not have before is
 * written `null`. Each present key still has to have that key's type on the object.
 */
export type Problem = { path: string; message: string };

export function checkObject(value: unknown, node: Node, path = "$"): Problem[] {
  const out: Problem[] = [];
  walk(value, node, path, false, out);
  return out;
}

/** `ApiList<T>` and `V2List<T>` from the SDK's `lib.d.ts`: what a list endpoint answers. */
export function listNode(item: Node, mode: "v1" | "v2"): Node {
  const nullableStr: Node = { t: "union", of: [{ t: "null" }, { t: "str" }] };
  if (mode === "v2")
    return {
      t: "obj",
      props: {
        data: { n: { t: "arr", item } },
        next_page_url: { n: nullableStr },
        previous_page_url: { n: nullableStr },
      },
    };
  return {
    t: "obj",
    props: {
      object: { n: { t: "lit", v: "list" } },
      data: { n: { t: "arr", item } },
      has_more: { n: { t: "bool" } },
      url: { n: { t: "str" } },
    },
  };
}

/** The node a successful answer of `endpoint` must match. */
export function responseNode(endpoint: Endpoint, mode: "v1" | "v2"): Node {
  return endpoint.list ? listNode(endpoint.returns, mode) : endpoint.returns;
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(n: Node): string {
  switch (n.t) {
    case "str":
      return "string";
    case "num":
      return "number";
    case "int64":
      return "int64 string";
    case "decimal":
      return "decimal string";
    case "bool":
      return "boolean";
    case "empty":
      return "''";
    case "lit":
      return JSON.stringify(n.v);
    case "enum":
      return `one of ${n.values.join(", ")}`;
    case "arr":
      return "array";
    case "obj":
      return "object";
    case "ref":
      return describe(resolve(n));
    case "union":
      return n.of.map(describe).join(" | ");
    default:
      return n.t;
  }
}

function acceptsNull(node: Node): boolean {
  const n = resolve(node);
  return n.t === "null" || n.t === "any" || (n.t === "union" && n.of.some(acceptsNull));
}

function walk(v: unknown, node: Node, path: string, partial: boolean, out: Problem[]): void {
  const n = resolve(node);
  if (n.t === "any") return;
  if (n.t === "union") return union(v, n.of, path, partial, out);
  if (v === null && n.t !== "null") {
    out.push({ path, message: `null where the type has no null (expected ${describe(n)})` });
    return;
  }
  const wrong = () =>
    out.push({
      path,
      message: `expected ${describe(n)}, got ${kindOf(v)}${typeof v === "string" ? ` ${JSON.stringify(v.slice(0, 40))}` : ""}`,
    });
  switch (n.t) {
    case "str":
      if (typeof v !== "string") wrong();
      return;
    case "num":
      if (typeof v !== "number" || !Number.isFinite(v)) wrong();
      return;
    case "int64":
      if (typeof v !== "string" || !/^-?\d+$/.test(v)) wrong();
      return;
    case "decimal":
      if (typeof v !== "string" || !/^-?\d+(\.\d+)?$/.test(v)) wrong();
      return;
    case "bool":
      if (typeof v !== "boolean") wrong();
      return;
    case "null":
      if (v !== null) wrong();
      return;
    case "empty":
      if (v !== "") wrong();
      return;
    case "lit":
      if (v !== n.v) wrong();
      return;
    case "enum":
      if (typeof v !== "string") wrong();
      else if (!n.values.includes(v))
        out.push({ path, message: `${JSON.stringify(v)} is not one of ${n.values.join(", ")}` });
      return;
    case "arr":
      if (!Array.isArray(v)) wrong();
      // Stripe's previous_attributes carries a changed array whole, so its items are complete.
      else v.forEach((item, i) => walk(item, n.item, `${path}[${i}]`, false, out));
      return;
    case "obj": {
      if (!isPlain(v)) return void wrong();
      for (const [k, value] of Object.entries(v)) {
        const here = `${path}.${k}`;
        const prop = n.props[k];
        // In a previous_attributes diff, null is the old value of a key the object did not have.
        if (partial && value === null && (prop?.opt || (!prop && n.extra))) continue;
        if (prop) {
          const previous = k === "previous_attributes" && !partial && "object" in n.props;
          walk(value, previous ? (n.props.object?.n ?? prop.n) : prop.n, here, partial || previous, out);
        } else if (n.extra) walk(value, n.extra, here, partial, out);
        else out.push({ path: here, message: "property not declared by the type" });
      }
      if (!partial)
        for (const [k, prop] of Object.entries(n.props))
          if (!prop.opt && !(k in v)) out.push({ path: `${path}.${k}`, message: "missing required property" });
      return;
    }
  }
}

/** How well a union member's `object`/`type` literals match the value: -1 contradicts, else the number matched. */
function discriminated(v: unknown, member: Node): number {
  const n = resolve(member);
  if (!isPlain(v) || n.t !== "obj") return 0;
  let matched = 0;
  for (const key of ["object", "type"]) {
    const got = v[key];
    const prop = n.props[key];
    if (typeof got !== "string" || !prop) continue;
    const p = resolve(prop.n);
    const values = p.t === "lit" ? [String(p.v)] : p.t === "enum" && !p.open ? p.values : null;
    if (!values) continue;
    if (!values.includes(got)) return -1;
    matched++;
  }
  return matched;
}

function union(v: unknown, members: Node[], path: string, partial: boolean, out: Problem[]): void {
  if (members.length === 0) return void out.push({ path, message: "present where the type allows no value (never)" });
  if (v === null && !members.some(acceptsNull))
    return void out.push({
      path,
      message: `null where the type has no null (expected ${describe({ t: "union", of: members })})`,
    });
  const scored = members.map((m) => ({ m, d: discriminated(v, m) }));
  const best = Math.max(...scored.map((s) => s.d));
  // Members the value's own discriminators point at; the others are not even tried.
  const candidates =
    best > 0
      ? scored.filter((s) => s.d === best)
      : scored.filter((s) => s.d >= 0).length
        ? scored.filter((s) => s.d >= 0)
        : scored;
  // No member takes a value of this JSON kind: say what the union takes.
  if (!candidates.some(({ m }) => kindFits(v, m))) {
    return void out.push({
      path,
      message: `expected ${describe({ t: "union", of: members })}, got ${kindOf(v)}${typeof v === "string" ? ` ${JSON.stringify(v.slice(0, 40))}` : ""}`,
    });
  }
  // A member of the value's JSON kind is closer than any other (an object is not "nearly null").
  let closest: { errs: Problem[]; fits: boolean } | null = null;
  for (const { m } of candidates) {
    const errs: Problem[] = [];
    walk(v, m, path, partial, errs);
    if (errs.length === 0) return;
    const fits = kindFits(v, m);
    if (!closest || (fits && !closest.fits) || (fits === closest.fits && errs.length < closest.errs.length))
      closest = { errs, fits };
  }
  out.push(...(closest?.errs ?? []));
}

function kindFits(v: unknown, member: Node): boolean {
  const n = resolve(member);
  switch (n.t) {
    case "any":
      return true;
    case "union":
      return n.of.some((m) => kindFits(v, m));
    case "obj":
      return isPlain(v);
    case "arr":
      return Array.isArray(v);
    case "null":
      return v === null;
    case "num":
      return typeof v === "number";
    case "bool":
      return typeof v === "boolean";
    case "lit":
      return typeof v === typeof n.v;
    default:
      return typeof v === "string";
  }
}
