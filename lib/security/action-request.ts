/**
 * The shape of a server-action request as React's client sends it: a POST with `Next-Action`
 * whose body is the argument list in React's reply encoding, either JSON text (`text/plain`) or
 * multipart form data whose field `0` holds that JSON. Next.js answers anything else (not JSON,
 * not a list, a reference to a part that is not there, another content type) with a 500 while
 * decoding it, before any of our code runs; the proxy refuses such requests with a 400 instead.
 */

/** React's escapes and plain values that need no other part: `$$…`, `$undefined`, dates, bigints, non-finite numbers, temporary references. */
const SELF_CONTAINED = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D\d{4}-|n-?\d+$|T)/;

/**
 * Every `$`-prefixed string is one the browser could have sent: self-contained, a FormData
 * (`$K<n>`, possibly empty) or a reference to a part that is in the body (`$@<n>`, `$Q<n>`,
 * `$W<n>`, `$B<n>`, `$<n>`). A reference to a part that is not there makes Next.js fail.
 */
function referencesOk(value: unknown, parts: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 100) return false;
  if (typeof value === "string") {
    if (!value.startsWith("$") || SELF_CONTAINED.test(value) || /^\$K[0-9a-f]+$/.test(value)) return true;
    const ref = /^\$[@QWB]?([0-9a-f]+)(:|$)/.exec(value);
    return ref !== null && parts.has(ref[1]!);
  }
  if (Array.isArray(value)) return value.every((v) => referencesOk(v, parts, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((v) => referencesOk(v, parts, depth + 1));
  return true;
}

function argumentList(json: string, parts: ReadonlySet<string>): boolean {
  let args: unknown;
  try {
    args = JSON.parse(json);
  } catch {
    return false;
  }
  return Array.isArray(args) && referencesOk(args, parts);
}

/**
 * Why a server-action request is malformed, or null when it is shaped as the browser sends it.
 * `body` is the raw text for `text/plain`, or the parsed form data for multipart (null when it
 * could not be parsed).
 */
export function malformedActionRequest(contentType: string | null, body: string | FormData | null): string | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/plain") {
    if (typeof body !== "string") return "unreadable body";
    return argumentList(body, new Set()) ? null : "the body is not an argument list";
  }
  if (type === "multipart/form-data") {
    if (!(body instanceof FormData)) return "unreadable form data";
    const root = body.get("0");
    if (typeof root !== "string") return "no argument list in the form data";
    // Parts are fields named by their id (hex), or `_<id>_<key>` entries of an outlined FormData.
    const parts = new Set<string>();
    for (const key of body.keys()) parts.add(/^_([0-9a-f]+)_/.exec(key)?.[1] ?? key);
    return argumentList(root, parts) ? null : "the form data's argument list is malformed";
  }
  return "unsupported content type";
}
