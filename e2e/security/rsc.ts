// Calling a server action over HTTP the way the browser does: a POST with `Next-Action: <id>` and
// the arguments in React's reply encoding; the answer is a React Server Components stream whose
// row 0 names the row holding the action's returned value.

/** A FormData argument, as plain key/value pairs (a repeated key is an array). */
export type FormFields = Record<string, string | string[]>;

/** One argument of an action call: a FormData (`{ form: ... }`) or any JSON value. */
export type ActionArg = { form: FormFields } | unknown;

export type EncodedReply = { contentType: "text/plain;charset=UTF-8"; body: string } | { contentType: "multipart"; multipart: Array<[string, string]> };

function isForm(arg: unknown): arg is { form: FormFields } {
  return typeof arg === "object" && arg !== null && !Array.isArray(arg) && Object.keys(arg).length === 1 && "form" in arg && typeof (arg as { form: unknown }).form === "object";
}

/** React's escaping of strings in a reply: a leading `$` is doubled (`$x` → `$$x`). */
function escapeStrings(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeStrings);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v)]));
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

/** The rows of an RSC stream (`<hex id>:<json>` per line; other row kinds are kept as text). */
export function parseRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  return rows;
}

/**
 * The value an action returned, from its RSC answer (`0:{"a":"$@1",...}` then `1:<value>`), or
 * `undefined` when the answer holds no return value (e.g. a redirect). Strings escaped by React
 * (`$$x`) are unescaped; `$undefined` becomes undefined.
 */
export function actionReturnValue(text: string): unknown {
  const rows = parseRows(text);
  const head = rows.get("0");
  if (head === undefined) return undefined;
  let ref: unknown;
  try {
    ref = (JSON.parse(head) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  if (typeof ref !== "string") return ref;
  const m = /^\$@([0-9a-f]+)$/.exec(ref);
  if (!m) return ref;
  const row = rows.get(m[1]!);
  if (row === undefined) return undefined;
  try {
    return unescape(JSON.parse(row));
  } catch {
    return row;
  }
}

function unescape(value: unknown): unknown {
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    return value.startsWith("$$") ? value.slice(1) : value;
  }
  if (Array.isArray(value)) return value.map(unescape);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescape(v)]));
  return value;
}
