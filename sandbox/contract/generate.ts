/**
 * Writes `stripe-sdk.json`: the request parameters and response objects that Stripe's own SDKs
 * declare for every endpoint the sandbox serves, so the sandbox's validation and the conformance
 * suite come from Stripe's generated types rather than from our reading of Stripe:
 *
 * - v1 from `stripe` (the SDK the app uses, pinned API version `2026-10-28.endive`);
 * - v2 from `stripe-preview` (`stripe@20.2.0-alpha.1`, the private-preview SDK at
 *   `2025-12-15.preview`, the version the app calls v2 with and the stablecoin guide describes).
 *
 * What neither SDK types (the stablecoin guide's v1 preview parameters, endpoints only the API reference
 * documents) is in `preview.ts`; the SDK object types those endpoints answer (`PREVIEW_SDK_TYPES`) are written here.
 * Run `npm run contract:generate` after upgrading either SDK or adding a route; `contract.test.ts`
 * fails while the committed file is stale.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import type { Contract, Endpoint, Node, Prop } from "./types";
import { servedRoutes } from "./served";
import { PREVIEW_ENDPOINTS, PREVIEW_SDK_TYPES } from "./preview";

const require = createRequire(import.meta.url);
// Neither package exports package.json; find their roots from the CommonJS entry.
const GA_ROOT = path.resolve(path.dirname(require.resolve("stripe")), "..");
const PREVIEW_ROOT = path.resolve(path.dirname(require.resolve("stripe-preview")), "..");
export const CONTRACT_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), "stripe-sdk.json");

/** Event types the sandbox can send (v1 snapshot, v2 thin); events of other products are left out. */
const EVENT_PREFIXES = [
  "account.",
  "capability.",
  "issuing_",
  "treasury.",
  "setup_intent.",
  "payment_method.",
  "payout.",
  "topup.",
  "balance.",
  "person.",
  "v2.core.account",
  "v2.core.event_destination.",
  "v2.money_management.",
];

function walk(dir: string, ext: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, ext, out);
    else if (e.name.endsWith(ext)) out.push(full);
  }
  return out;
}

/** `/v1/issuing/cards/${encodeURIComponent(id)}` or `/v1/issuing/cards/{id}` → `/v1/issuing/cards/{}`. */
function pathPattern(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return node.text.replace(/\{[^}]+\}/g, "{}");
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join("");
  return null;
}

type SdkMethod = {
  http: string;
  path: string;
  list: boolean;
  signature: () => ts.SignatureDeclarationBase | undefined;
};

function methodsOfClass(decl: ts.ClassDeclaration | undefined, name: string): ts.SignatureDeclarationBase | undefined {
  const all =
    decl?.members.filter(
      (m): m is ts.MethodDeclaration =>
        (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) && m.name?.getText() === name,
    ) ?? [];
  return all.find((m) => m.parameters.some((p) => p.name.getText() === "params")) ?? all[0];
}

function findClass(file: ts.SourceFile | undefined, name?: string): ts.ClassDeclaration | undefined {
  let found: ts.ClassDeclaration | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isClassDeclaration(n) && (!name || n.name?.text === name)) found = n;
    else n.forEachChild(visit);
  };
  file?.forEachChild(visit);
  return found;
}

/** A readable SDK: its program, checker, and every resource method with its HTTP method and path. */
class Sdk {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly methods: SdkMethod[] = [];

  constructor(
    readonly root: string,
    /** Prefix for the names of its types in the contract. */
    readonly label: string,
    layout: "classes" | "ambient",
  ) {
    const entry =
      layout === "classes" ? walk(path.join(root, "cjs"), ".d.ts") : [path.join(root, "types", "index.d.ts")];
    this.program = ts.createProgram(entry, {
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      types: [],
    });
    this.checker = this.program.getTypeChecker();
    const resources = path.join(root, "cjs", "resources");
    for (const file of walk(resources, ".js")) {
      const rel = path.relative(resources, file).replace(/\.js$/, "");
      const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
      // stripe@23: `class X { create(params) { return this._makeRequest('POST', '/v1/…', …) } }` beside `X.d.ts`.
      // stripe@20: `StripeResource.extend({ create: stripeMethod({ method, fullPath, methodType }) })` beside `types/XResource.d.ts`.
      const dts =
        layout === "classes" ? path.join(resources, `${rel}.d.ts`) : path.join(root, "types", `${rel}Resource.d.ts`);
      const klass = () =>
        findClass(this.program.getSourceFile(dts), layout === "classes" ? undefined : `${path.basename(rel)}Resource`);
      const add = (name: string, http: string, p: string, list: boolean) =>
        this.methods.push({ http, path: p, list, signature: () => methodsOfClass(klass(), name) });
      const visit = (n: ts.Node, method: string | null): void => {
        if ((ts.isMethodDeclaration(n) || ts.isPropertyAssignment(n)) && ts.isIdentifier(n.name)) method = n.name.text;
        if (ts.isCallExpression(n) && method) {
          const callee = n.expression.getText();
          if (callee === "this._makeRequest") {
            const [verb, p, , , opts] = n.arguments;
            const pattern = p ? pathPattern(p) : null;
            if (verb && ts.isStringLiteral(verb) && pattern)
              add(method, verb.text, pattern, !!opts && /methodType:\s*'list'/.test(opts.getText()));
          } else if (callee === "stripeMethod" && n.arguments[0] && ts.isObjectLiteralExpression(n.arguments[0])) {
            const spec = n.arguments[0];
            const get = (k: string) =>
              spec.properties.find(
                (x): x is ts.PropertyAssignment => ts.isPropertyAssignment(x) && x.name.getText() === k,
              )?.initializer;
            const verb = get("method");
            const full = get("fullPath");
            const pattern = full ? pathPattern(full) : null;
            if (verb && ts.isStringLiteral(verb) && pattern)
              add(method, verb.text, pattern, get("methodType")?.getText() === "'list'");
          }
        }
        n.forEachChild((c) => visit(c, method));
      };
      visit(src, null);
    }
  }
}

class Converter {
  readonly types: Record<string, Node> = {};
  private readonly inProgress = new Set<string>();

  constructor(private readonly sdk: Sdk) {}

  private get checker(): ts.TypeChecker {
    return this.sdk.checker;
  }

  /** A stable name for a declared interface or alias: `Issuing/Cards#Issuing.CardCreateParams.Shipping`, `preview#V2.Core.Account`. */
  private nameOf(symbol: ts.Symbol): string | null {
    const decl = symbol.declarations?.[0];
    const file = decl?.getSourceFile().fileName ?? "";
    if (!file.startsWith(this.sdk.root)) return null;
    const fq = this.checker
      .getFullyQualifiedName(symbol)
      .replace(/^"[^"]*"\./, "")
      .replace(/^Stripe\./, "");
    if (this.sdk.label) return `${this.sdk.label}#${fq}`;
    return `${path
      .relative(path.join(this.sdk.root, "cjs"), file)
      .replace(/\.d\.ts$/, "")
      .replace(/^resources\//, "")}#${fq}`;
  }

  node(type: ts.Type): Node {
    const c = this.checker;
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { t: "any" };
    if (f & ts.TypeFlags.String) return { t: "str" };
    if (f & ts.TypeFlags.Number) return { t: "num" };
    if (f & ts.TypeFlags.BigInt) return { t: "int64" };
    if (f & ts.TypeFlags.Boolean) return { t: "bool" };
    if (f & ts.TypeFlags.Null) return { t: "null" };
    if (f & ts.TypeFlags.Never) return { t: "union", of: [] };
    if (type.isStringLiteral()) return { t: "lit", v: type.value };
    if (type.isNumberLiteral()) return { t: "lit", v: type.value };
    if (f & ts.TypeFlags.BooleanLiteral) return { t: "lit", v: c.typeToString(type) === "true" };
    if (type.aliasSymbol?.name === "Decimal" || type.getSymbol()?.name === "DecimalImpl") return { t: "decimal" };
    const events = type.aliasSymbol && type.isUnion() ? this.eventUnion(type.aliasSymbol, type.types) : null;
    if (events) return events;
    if (type.isUnion()) return this.union(type.types);
    if (type.isIntersection()) {
      // `OtherString` (string & Record<never, never>) marks an open enum: any string.
      if (type.types.some((t) => t.flags & ts.TypeFlags.String)) return { t: "str" };
      return this.object(type);
    }
    if (c.isArrayType(type)) {
      const [item] = c.getTypeArguments(type as ts.TypeReference);
      return { t: "arr", item: item ? this.node(item) : { t: "any" } };
    }
    if (f & ts.TypeFlags.Object) {
      const symbol = type.getSymbol();
      if (symbol?.name === "Date") return { t: "str" };
      const base = symbol && symbol.flags & ts.SymbolFlags.Interface ? this.nameOf(symbol) : null;
      // A generic interface (`ApiList<T>`) is one type per instantiation: name it with its arguments.
      const args =
        f & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference
          ? c.getTypeArguments(type as ts.TypeReference)
          : [];
      const name = base && args.length ? `${base}<${args.map((a) => this.argName(a)).join(", ")}>` : base;
      if (!name) return this.object(type);
      return this.named(name, () => this.object(type));
    }
    return { t: "any" };
  }

  /** A type argument by its contract name (`ExternalAccounts#ExternalAccount`), else as TypeScript prints it. */
  private argName(type: ts.Type): string {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return (symbol && this.nameOf(symbol)) ?? this.checker.typeToString(type);
  }

  private named(name: string, build: () => Node): Node {
    if (!this.types[name] && !this.inProgress.has(name)) {
      this.inProgress.add(name);
      this.types[name] = build();
      this.inProgress.delete(name);
    }
    return { t: "ref", name };
  }

  /** The SDKs' unions of every event type: only the events the sandbox can send are written. */
  private eventUnion(alias: ts.Symbol, members: ts.Type[]): Node | null {
    const file = alias.declarations?.[0]?.getSourceFile().fileName ?? "";
    if (!["Event", "EventNotification"].includes(alias.name) || !/(Events|EventTypes)\.d\.ts$/.test(file)) return null;
    return this.named(this.nameOf(alias) ?? alias.name, () => {
      const kept = members.filter((m) => {
        const prop = this.checker.getPropertyOfType(m, "type");
        const t = prop && this.checker.getTypeOfSymbol(prop);
        return !!t && t.isStringLiteral() && EVENT_PREFIXES.some((p) => t.value.startsWith(p));
      });
      return { t: "union", of: kept.map((m) => this.node(m)) };
    });
  }

  private union(members: ts.Type[]): Node {
    const c = this.checker;
    const kept = members.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const isBool = (m: ts.Type, v: string) => (m.flags & ts.TypeFlags.BooleanLiteral) !== 0 && c.typeToString(m) === v;
    const isString = (m: ts.Type) =>
      (m.flags & ts.TypeFlags.String) !== 0 ||
      (m.isIntersection() && m.types.some((t) => (t.flags & ts.TypeFlags.String) !== 0));
    const bool = kept.some((m) => isBool(m, "true")) && kept.some((m) => isBool(m, "false"));
    // `'a' | 'b' | OtherString` is an open enum: the SDK lists the values of its pinned version and
    // allows others for forward compatibility. The sandbox takes and gives only the listed values.
    const open = kept.some(isString);
    const out: Node[] = [];
    const literals: string[] = [];
    for (const m of kept) {
      if (bool && m.flags & ts.TypeFlags.BooleanLiteral) continue;
      if (m.isStringLiteral()) {
        // `''` in a union is Stripe's Emptyable<T>: an empty string unsets the parameter.
        if (m.value === "") out.push({ t: "empty" });
        else literals.push(m.value);
        continue;
      }
      if (isString(m)) continue;
      out.push(this.node(m));
    }
    if (bool) out.push({ t: "bool" });
    if (literals.length)
      out.push(open ? { t: "enum", values: literals.sort(), open: true } : { t: "enum", values: literals.sort() });
    else if (open) out.push({ t: "str" });
    return out.length === 1 ? (out[0] as Node) : { t: "union", of: out };
  }

  private object(type: ts.Type): Node {
    const c = this.checker;
    const props: Record<string, Prop> = {};
    for (const prop of c.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!decl || prop.flags & ts.SymbolFlags.Method) continue;
      const propType = c.getTypeOfSymbolAtLocation(prop, decl);
      if (propType.getCallSignatures().length > 0) continue; // fetchEvent() and the like: not data
      props[prop.name] =
        prop.flags & ts.SymbolFlags.Optional ? { n: this.node(propType), opt: true } : { n: this.node(propType) };
    }
    const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
    const sorted = Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)));
    return index ? { t: "obj", props: sorted, extra: this.node(index.type) } : { t: "obj", props: sorted };
  }
}

/** `Promise<Response<Card>>`, `ApiListPromise<Card>`, … → the node of `Card` (read from the syntax, so aliases survive). */
function unwrap(node: ts.TypeNode): ts.TypeNode {
  let n = node;
  const wrappers = /^(Stripe\.)?(Promise|Response|ApiListPromise|ApiSearchResultPromise)$/;
  while (ts.isTypeReferenceNode(n) && wrappers.test(n.typeName.getText()) && n.typeArguments?.[0])
    n = n.typeArguments[0];
  return n;
}

function describe(sdk: Sdk, conv: Converter, m: SdkMethod): Endpoint {
  const sig = m.signature();
  const p = sig?.parameters.find((x) => x.name.getText() === "params");
  const params = p?.type ? conv.node(sdk.checker.getTypeFromTypeNode(p.type)) : { t: "obj" as const, props: {} };
  const returns = sig?.type ? conv.node(sdk.checker.getTypeFromTypeNode(unwrap(sig.type))) : { t: "any" as const };
  const klass = sig?.parent && ts.isClassDeclaration(sig.parent) ? sig.parent.name?.text : "?";
  return {
    sdk: `${sdk.label || "stripe"} ${klass}.${sig?.name?.getText() ?? "?"}`,
    ...(m.list ? { list: true as const } : {}),
    params,
    returns,
  };
}

function version(root: string): { sdk: string; api: string } {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  const api =
    /['"](\d{4}-\d{2}-\d{2}\.\w+)['"]/.exec(readFileSync(path.join(root, "cjs", "apiVersion.js"), "utf8"))?.[1] ?? "";
  return { sdk: pkg.version, api };
}

export function generate(): Contract {
  const ga = new Sdk(GA_ROOT, "", "classes");
  const preview = new Sdk(PREVIEW_ROOT, "preview", "ambient");
  const convs = { ga: new Converter(ga), preview: new Converter(preview) };
  // A route a preview row declares is not looked for in the SDKs (they have no method for it).
  const documented = new Set(PREVIEW_ENDPOINTS.map((e) => e.endpoint));
  const wanted = new Set(
    servedRoutes()
      .map((r) => `${r.method} ${r.path.replace(/:[^/]+/g, "{}")}`)
      .filter((k) => !documented.has(k)),
  );
  const endpoints: Record<string, Endpoint> = {};
  // v1 at the app's pinned version; v2 at the preview version the app calls it with, or GA for a
  // v2 path only GA has (the credit simulation moved to /v2/money_management/test_helpers/…).
  for (const [which, sdk] of [
    ["preview", preview],
    ["ga", ga],
  ] as const) {
    for (const m of sdk.methods) {
      const key = `${m.http} ${m.path}`;
      if (!wanted.has(key) || endpoints[key] || (which === "preview" && m.path.startsWith("/v1/"))) continue;
      endpoints[key] = describe(sdk, convs[which], m);
    }
  }
  const eventType = (sdk: Sdk, conv: Converter, file: string, alias: string): Node => {
    const src = sdk.program.getSourceFile(path.join(sdk.root, file));
    let out: Node = { t: "any" };
    const visit = (n: ts.Node): void => {
      if (ts.isTypeAliasDeclaration(n) && n.name.text === alias) out = conv.node(sdk.checker.getTypeAtLocation(n.name));
      else n.forEachChild(visit);
    };
    src?.forEachChild(visit);
    return out;
  };
  const deliveries = {
    snapshot: eventType(ga, convs.ga, "cjs/resources/Events.d.ts", "Event"),
    thin: eventType(preview, convs.preview, "types/V2/Core/EventTypes.d.ts", "EventNotification"),
  };
  // SDK types only a preview endpoint answers with (`FundingInstructions`): converted by their declaration.
  for (const { file, name } of PREVIEW_SDK_TYPES) {
    const src = ga.program.getSourceFile(path.join(ga.root, "cjs", "resources", `${file}.d.ts`));
    let decl: ts.InterfaceDeclaration | undefined;
    src?.forEachChild((n) => {
      if (ts.isInterfaceDeclaration(n) && n.name.text === name) decl = n;
    });
    if (!decl) throw new Error(`generate: no interface ${name} in ${file}.d.ts`);
    convs.ga.node(ga.checker.getTypeAtLocation(decl.name));
  }
  const types = { ...convs.ga.types, ...convs.preview.types };
  const byPath = (a: string, b: string) => {
    const [ma = "", pa = ""] = a.split(" ");
    const [mb = "", pb = ""] = b.split(" ");
    return pa === pb ? (ma < mb ? -1 : 1) : pa < pb ? -1 : 1;
  };
  return {
    sdk: { v1: version(GA_ROOT), v2: version(PREVIEW_ROOT) },
    endpoints: Object.fromEntries(Object.entries(endpoints).sort(([a], [b]) => byPath(a, b))),
    deliveries,
    types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** One endpoint and one type per line, so a regenerated file diffs readably. */
export function serialize(c: Contract): string {
  const block = (o: Record<string, unknown>) =>
    `{\n${Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(",\n")}\n}`;
  return `{\n"sdk": ${JSON.stringify(c.sdk)},\n"deliveries": ${JSON.stringify(c.deliveries)},\n"endpoints": ${block(c.endpoints)},\n"types": ${block(c.types)}\n}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const text = serialize(generate());
  writeFileSync(CONTRACT_FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), CONTRACT_FILE)} (${(text.length / 1024).toFixed(0)} KB)`);
}
