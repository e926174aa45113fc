import raw from "./stripe-sdk.json" with { type: "json" };
import { PREVIEW, PREVIEW_ENDPOINTS } from "./preview";
import type { Contract, Endpoint, Node } from "./types";

/**
 * The contract the sandbox serves: what Stripe's SDKs declare (`stripe-sdk.json`, generated),
 * with the rows of `preview.ts` (what the guides document and no SDK types) applied on top: added
 * parameters and fields, and whole endpoints the API reference documents and the SDK has no method for.
 */
let loaded: Contract | null = null;
export function contract(): Contract {
  loaded ??= applyPreview(raw as unknown as Contract);
  return loaded;
}

export function resolve(node: Node): Node {
  let n = node;
  for (let i = 0; n.t === "ref" && i < 20; i++) {
    const next = contract().types[n.name];
    if (!next) throw new Error(`contract: unknown type ${n.name}`);
    n = next;
  }
  return n;
}

/** `/v1/issuing/cards/:id` → the contract's endpoint for that route, if an SDK or the preview table declares it. */
export function endpointFor(method: string, routePath: string): Endpoint | undefined {
  return contract().endpoints[`${method} ${routePath.replace(/:[^/]+/g, "{}")}`];
}

/** The object node at a dotted path below `node` (`individual.user_terms_acceptance`), creating nothing. */
function objectAt(c: Contract, node: Node, at: string[]): Extract<Node, { t: "obj" }> {
  let n: Node = node;
  for (const key of ["", ...at]) {
    if (key) {
      const here: Node = n;
      if (here.t !== "obj" || !here.props[key])
        throw new Error(`preview: no ${key} in ${JSON.stringify(here).slice(0, 80)}`);
      n = here.props[key].n;
    }
    for (let i = 0; ; i++) {
      if (n.t === "ref") n = c.types[n.name] ?? { t: "any" };
      else if (n.t === "union") n = n.of.find((o) => o.t === "obj" || o.t === "ref") ?? n;
      else break;
      if (i > 20) break;
    }
  }
  if (n.t !== "obj") throw new Error(`preview: ${at.join(".")} is not an object`);
  return n;
}

function applyPreview(base: Contract): Contract {
  const c = structuredClone(base);
  // Whole endpoints the API reference documents and the SDK has no method for.
  for (const row of PREVIEW_ENDPOINTS) {
    if (c.endpoints[row.endpoint]) throw new Error(`preview: ${row.endpoint} is declared by an SDK now; drop its row`);
    c.endpoints[row.endpoint] = {
      sdk: row.sdk,
      ...(row.list ? { list: true as const } : {}),
      params: row.params,
      returns: row.returns,
    };
  }
  for (const row of PREVIEW) {
    const root = row.params ? c.endpoints[row.params]?.params : row.type ? c.types[row.type] : undefined;
    if (!root) throw new Error(`preview: nothing at ${row.params ?? row.type}`);
    const parts = row.at.split(".");
    const name = parts.pop() as string;
    const target = objectAt(c, root, parts);
    // An enum row on an existing enum adds its values (a value only the guides document).
    const had = target.props[name];
    const node: Node =
      row.node.t === "enum" && had?.n.t === "enum"
        ? { ...had.n, values: [...new Set([...had.n.values, ...row.node.values])].sort() }
        : row.node;
    target.props = { ...target.props, [name]: (row.optional ?? had?.opt) ? { n: node, opt: true } : { n: node } };
  }
  return c;
}
