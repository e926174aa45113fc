// Calling a server action over HTTP the way the browser does: a POST with `Next-Action: <id>` and
// the arguments in React's reply encoding; the answer is a React Server Components stream whose
// row 0 names the row holding the action's returned value.

/** A FormData argument, as plain key/value pairs (a repeated key is an array). */
export type FormFields = Record<string, string | string[]>;

/** One argument of an action call: a FormData (`{ form: ... }`) or any JSON value. */
export type ActionArg = { form: FormFields } | unknown;

export type EncodedReply =
  | { contentType: "text/plain;charset=UTF-8"; body: string }
  | { contentType: "multipart"; multipart: Array<[string, string]> };

function isForm(arg: unknown): arg is { form: FormFields } {
  return (
    typeof arg === "object" &&
    arg !== null &&
    !Array.isArray(arg) &&
    Object.keys(arg).length === 1 &&
    "form" in arg &&
    typeof (arg as { form: unknown }).form === "object"
  );
}

/** React's escaping of strings in a reply: a leading `$` is doubled (`$x` → `$$x`). */
function escapeStrings(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeStrings);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v)]));
  return value;
}

/**
 * The body React's `encodeReply(args)` produces (checked against React itself in the matrix
 * spec): plain JSON text when no argument is a FormData; otherwise multipart where the FormData's
 * entries are `_<n>_<key>` and field `0` holds the arguments with `"$K<n>"` in its place.
 */
export function encodeArgs(args: readonly ActionArg[]): EncodedReply {
  let next = 1;
  const multipart: Array<[string, string]> = [];
  const root = args.map((arg) => {
    if (!isForm(arg)) return escapeStrings(arg);
    const id = next++;
    for (const [key, value] of Object.entries(arg.form)) {
      for (const v of Array.isArray(value) ? value : [value]) multipart.push([`_${id}_${key}`, v]);
    }
    return `$K${id}`;
  });
  const json = JSON.stringify(root);
  if (next === 1) return { contentType: "text/plain;charset=UTF-8", body: json };
  multipart.push(["0", json]);
  return { contentType: "multipart", multipart };
}

/**
 * The rows of an RSC stream: `<hex id>:<json>\n`, or `<hex id>:T<hex byte length>,<text>` for a
 * long string (no newline after it; the text may hold newlines). Other rows are kept as text.
 */
export function parseRows(text: string): Map<string, string | { text: string }> {
  const bytes = Buffer.from(text, "utf8");
  const rows = new Map<string, string | { text: string }>();
  let i = 0;
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = bytes.subarray(i, colon).toString("utf8");
    if (!/^[0-9a-f]+$/.test(id)) {
      const nl = bytes.indexOf(0x0a, i);
      i = nl < 0 ? bytes.length : nl + 1;
      continue;
    }
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, { text: bytes.subarray(comma + 1, comma + 1 + length).toString("utf8") });
      i = comma + 1 + length;
      continue;
    }
    const nl = bytes.indexOf(0x0a, colon);
    const end = nl < 0 ? bytes.length : nl;
    rows.set(id, bytes.subarray(colon + 1, end).toString("utf8"));
    i = end + 1;
  }
  return rows;
}

function resolve(value: unknown, rows: Map<string, string | { text: string }>, depth = 0): unknown {
  if (depth > 50) return value;
  if (typeof value === "string") {
    if (!value.startsWith("$")) return value;
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    if (value.startsWith("$D")) return value.slice(2);
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (!ref) return value;
    const row = rows.get(ref[1]!);
    if (row === undefined) return value;
    if (typeof row !== "string") return row.text;
    try {
      return resolve(JSON.parse(row), rows, depth + 1);
    } catch {
      return row;
    }
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, rows, depth + 1));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, rows, depth + 1)]));
  return value;
}

/**
 * The value an action returned, from its RSC answer (`0:{"a":"$@1",...}` then `1:<value>`,
 * long strings in their own rows), or `undefined` when the answer holds no return value (a
 * redirect). React's escapes are undone (`$$x` → `$x`, `$undefined`, dates as their text).
 */
export function actionReturnValue(text: string): unknown {
  const rows = parseRows(text);
  const head = rows.get("0");
  if (typeof head !== "string") return undefined;
  let a: unknown;
  try {
    a = (JSON.parse(head) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  return a === undefined ? undefined : resolve(a, rows);
}
