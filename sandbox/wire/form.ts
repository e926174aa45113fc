/** A decoded v1 parameter tree: every leaf is a string, as it arrived on the wire. */
export type ParamValue = string | ParamTree | ParamValue[];
export type ParamTree = { [key: string]: ParamValue };

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** `a[b][0][c]` → ["a","b","0","c"]; `a[]` → ["a",""] (append). */
function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let last = open;
  while ((m = re.exec(key)) !== null) {
    if (m.index !== last) break;
    parts.push(m[1] ?? "");
    last = m.index + m[0].length;
  }
  if (last !== key.length) return [key]; // malformed brackets: keep the key literally
  return parts;
}

function setPath(root: ParamTree, parts: string[], value: string): void {
  let node: ParamTree = root;
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i] ?? "";
    const isLast = i === parts.length - 1;
    if (part === "") part = String(Object.keys(node).length); // `a[]=x` appends
    if (isLast) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (typeof next === "object" && next !== null && !Array.isArray(next)) node = next;
    else {
      const fresh: ParamTree = {};
      node[part] = fresh;
      node = fresh;
    }
  }
}

/**
 * Decodes `application/x-www-form-urlencoded` (and query strings) into a tree. Arrays stay
 * objects keyed "0","1",… here; the schema turns them into arrays. Extra `?` separators are
 * read as `&` because the SDK's v2 auto-pager appends `?limit=…` to a URL that has a query.
 */
export function parseForm(text: string): ParamTree {
  const root: ParamTree = {};
  if (!text) return root;
  for (const pair of text.split(/[&?]/)) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decode(pair.slice(eq + 1));
    if (!key) continue;
    setPath(root, splitKey(key), value);
  }
  return root;
}

/** The query part of a request URL, lenient about repeated `?`. */
export function queryOf(url: string): string {
  const q = url.indexOf("?");
  return q < 0 ? "" : url.slice(q + 1);
}
