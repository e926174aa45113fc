import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest, referenceMissing, resourceMissing } from "../../wire/errors";
import { listV1 } from "../../wire/list";
import { mergeMetadata } from "../common";
import { requireIssuing } from "./common";

/**
 * Card personalization: physical bundles (Stripe's card stock, read-only) and personalization
 * designs (a bundle plus logo and carrier text). Every account gets, on first use, the standard
 * bundles and one active default design, as a new Issuing account sees in Stripe's test mode
 * [guess: names and bundle features are ours]. Each account sees only its own designs [guess:
 * Stripe also lets a connected account fall back to the platform's default design].
 */
type Design = Stripe.Issuing.PersonalizationDesign;
type Bundle = Stripe.Issuing.PhysicalBundle;
const DESIGNS = "issuing_personalization_designs";
const BUNDLES = "issuing_physical_bundles";
/** Per account, the ids in creation order (reads through the transaction see this request's own writes). */
const INDEX = "issuing_personalization_index";
type Index = { designs: string[]; bundles: string[] };

const STANDARD_BUNDLES: Array<Omit<Bundle, "id" | "object" | "livemode">> = [
  {
    name: "Standard white",
    status: "active",
    type: "standard",
    features: { card_logo: "unsupported", carrier_text: "unsupported", second_line: "optional" },
  },
  {
    name: "Custom black",
    status: "active",
    type: "custom",
    features: { card_logo: "optional", carrier_text: "optional", second_line: "optional" },
  },
];

function index(ctx: Ctx): Index {
  const existing = ctx.tx.get<Index>(INDEX, ctx.account);
  if (existing) return existing.data;
  const idx: Index = { designs: [], bundles: [] };
  for (const b of STANDARD_BUNDLES) {
    const bundle: Bundle = { id: ctx.id("ics"), object: "issuing.physical_bundle", livemode: false, ...b };
    ctx.tx.put(BUNDLES, bundle.id, { owner: ctx.account, data: bundle });
    idx.bundles.push(bundle.id);
  }
  const design: Design = {
    id: ctx.id("pd"),
    object: "issuing.personalization_design",
    card_logo: null,
    carrier_text: null,
    created: ctx.now,
    livemode: false,
    lookup_key: null,
    metadata: {},
    name: "Default design",
    physical_bundle: idx.bundles[0]!,
    preferences: { is_default: true, is_platform_default: ctx.isConnected ? false : null },
    rejection_reasons: { card_logo: null, carrier_text: null },
    status: "active",
  };
  ctx.tx.put(DESIGNS, design.id, { owner: ctx.account, data: design });
  idx.designs.push(design.id);
  ctx.tx.put(INDEX, ctx.account, { owner: ctx.account, data: idx });
  return idx;
}

function saveIndex(ctx: Ctx, idx: Index): void {
  ctx.tx.put(INDEX, ctx.account, { owner: ctx.account, data: idx });
}

function load<T>(ctx: Ctx, table: string, id: string, objectName: string, param?: string): T {
  index(ctx);
  const row = ctx.tx.get<T>(table, id);
  if (!row || row.owner !== ctx.account)
    throw param ? referenceMissing(objectName, id, param) : resourceMissing(objectName, id);
  return row.data;
}

const loadDesign = (ctx: Ctx, id: string, param?: string) =>
  load<Design>(ctx, DESIGNS, id, "issuing.personalization_design", param);
const loadBundle = (ctx: Ctx, id: string, param?: string) =>
  load<Bundle>(ctx, BUNDLES, id, "issuing.physical_bundle", param);

function designs(ctx: Ctx): Design[] {
  return index(ctx)
    .designs.map((id) => ctx.tx.get<Design>(DESIGNS, id)?.data)
    .filter((d): d is Design => !!d)
    .reverse();
}

function put(ctx: Ctx, design: Design): Design {
  ctx.tx.put(DESIGNS, design.id, { owner: ctx.account, data: design });
  return design;
}

/**
 * The design a new physical card is printed with: the one named (it must be active), else the
 * account's default. Virtual cards have none.
 */
export function designForCard(ctx: Ctx, type: string, named: string | undefined): string | null {
  if (type !== "physical") {
    if (named)
      throw invalidRequest("A personalization design applies only to physical cards.", {
        param: "personalization_design",
      });
    return null;
  }
  if (named) {
    const d = loadDesign(ctx, named, "personalization_design");
    if (d.status !== "active")
      throw invalidRequest(
        `The personalization design ${d.id} is ${d.status}; only an active design can be used to create cards.`,
        { param: "personalization_design" },
      );
    return d.id;
  }
  return designs(ctx).find((d) => d.preferences.is_default && d.status === "active")?.id ?? null;
}

type CarrierParams = Partial<Record<keyof Stripe.Issuing.PersonalizationDesign.CarrierText, string | null>>;

function carrierText(p: unknown, current: Design["carrier_text"]): Design["carrier_text"] {
  if (p === undefined) return current;
  if (p === null || p === "") return null;
  const given = p as CarrierParams;
  const out = { ...(current ?? { footer_body: null, footer_title: null, header_body: null, header_title: null }) };
  for (const key of ["footer_body", "footer_title", "header_body", "header_title"] as const)
    if (given[key] !== undefined) out[key] = given[key] || null;
  return out;
}

/** What the bundle supports: a logo or carrier text on a bundle that has none is refused. */
function checkFeatures(ctx: Ctx, bundleId: string, design: Pick<Design, "card_logo" | "carrier_text">): void {
  const bundle = loadBundle(ctx, bundleId, "physical_bundle");
  if (bundle.status !== "active")
    throw invalidRequest(`The physical bundle ${bundle.id} is ${bundle.status}.`, { param: "physical_bundle" });
  if (design.carrier_text && bundle.features.carrier_text === "unsupported")
    throw invalidRequest(`The physical bundle ${bundle.id} does not support carrier text.`, {
      param: "carrier_text",
    });
}

function lookupKey(ctx: Ctx, design: Design, key: unknown, transfer: unknown): void {
  if (key === undefined) return;
  if (key === null || key === "") {
    design.lookup_key = null;
    return;
  }
  const holder = designs(ctx).find((d) => d.lookup_key === key && d.id !== design.id);
  if (holder && transfer !== true)
    throw invalidRequest(
      `The lookup key ${String(key)} is already used by ${holder.id}; pass transfer_lookup_key=true to move it.`,
      { param: "lookup_key" },
    );
  if (holder) put(ctx, { ...holder, lookup_key: null });
  design.lookup_key = String(key);
}

function makeDefault(ctx: Ctx, design: Design, p: unknown): void {
  const wanted = (p as { is_default?: boolean } | undefined)?.is_default;
  if (wanted === undefined) return;
  design.preferences = { ...design.preferences, is_default: wanted };
  if (!wanted) return;
  for (const other of designs(ctx))
    if (other.id !== design.id && other.preferences.is_default)
      put(ctx, { ...other, preferences: { ...other.preferences, is_default: false } });
}

function create(ctx: Ctx): Design {
  requireIssuing(ctx);
  const p = ctx.params;
  // [guess] Files are not served on this branch's sandbox: a logo cannot be checked, so it is refused.
  if (p.card_logo !== undefined)
    throw invalidRequest("The sandbox does not accept card logos.", { param: "card_logo" });
  const idx = index(ctx);
  const design: Design = {
    id: ctx.id("pd"),
    object: "issuing.personalization_design",
    card_logo: null,
    carrier_text: carrierText(p.carrier_text, null),
    created: ctx.now,
    livemode: false,
    lookup_key: null,
    metadata: mergeMetadata({}, p.metadata),
    name: (p.name as string | undefined) ?? null,
    physical_bundle: String(p.physical_bundle),
    preferences: { is_default: false, is_platform_default: ctx.isConnected ? false : null },
    rejection_reasons: { card_logo: null, carrier_text: null },
    // [guess] A new design waits for Stripe's review; test helpers activate or reject it.
    status: "review",
  };
  checkFeatures(ctx, design.physical_bundle as string, design);
  lookupKey(ctx, design, p.lookup_key, p.transfer_lookup_key);
  makeDefault(ctx, design, p.preferences);
  put(ctx, design);
  saveIndex(ctx, { ...idx, designs: [...idx.designs, design.id] });
  return design;
}

function update(ctx: Ctx): Design {
  requireIssuing(ctx);
  const p = ctx.params;
  const design = structuredClone(loadDesign(ctx, ctx.path.id ?? ""));
  if (p.card_logo !== undefined && p.card_logo !== "" && p.card_logo !== null)
    throw invalidRequest("The sandbox does not accept card logos.", { param: "card_logo" });
  const before = JSON.stringify([design.physical_bundle, design.carrier_text, design.card_logo]);
  if (p.card_logo !== undefined) design.card_logo = null;
  if (p.physical_bundle !== undefined) design.physical_bundle = String(p.physical_bundle);
  design.carrier_text = carrierText(p.carrier_text, design.carrier_text);
  if (p.name !== undefined) design.name = (p.name as string | null) || null;
  if (p.metadata !== undefined) design.metadata = mergeMetadata(design.metadata, p.metadata);
  checkFeatures(ctx, design.physical_bundle as string, design);
  lookupKey(ctx, design, p.lookup_key, p.transfer_lookup_key);
  makeDefault(ctx, design, p.preferences);
  // [guess] What is printed changed: the design goes back to review.
  if (JSON.stringify([design.physical_bundle, design.carrier_text, design.card_logo]) !== before) {
    design.status = "review";
    design.rejection_reasons = { card_logo: null, carrier_text: null };
  }
  return put(ctx, design);
}

type Helper = { from: Design["status"][]; to: Design["status"] };
const HELPERS: Record<"activate" | "deactivate" | "reject", Helper> = {
  activate: { from: ["review", "inactive", "rejected"], to: "active" },
  deactivate: { from: ["active"], to: "inactive" },
  reject: { from: ["review", "active"], to: "rejected" },
};

function helper(action: keyof typeof HELPERS) {
  return (ctx: Ctx): Design => {
    const design = structuredClone(loadDesign(ctx, ctx.path.id ?? ""));
    const step = HELPERS[action];
    if (!step.from.includes(design.status))
      throw invalidRequest(
        `Cannot ${action} the personalization design ${design.id}: it is ${design.status}, expected ${step.from.join(" or ")}.`,
      );
    design.status = step.to;
    if (action === "reject") {
      const r = (ctx.params.rejection_reasons ?? {}) as Partial<Design["rejection_reasons"]>;
      if (!r.card_logo?.length && !r.carrier_text?.length)
        throw invalidRequest("Give at least one rejection reason.", { param: "rejection_reasons" });
      design.rejection_reasons = { card_logo: r.card_logo ?? null, carrier_text: r.carrier_text ?? null };
    } else design.rejection_reasons = { card_logo: null, carrier_text: null };
    return put(ctx, design);
  };
}

export function registerPersonalizationRoutes(kernel: Kernel): void {
  const base = "/v1/issuing/personalization_designs";
  const bundles = "/v1/issuing/physical_bundles";
  kernel.router.add(
    { method: "POST", path: base, handler: create },
    { method: "POST", path: `${base}/:id`, handler: update },
    { method: "GET", path: `${base}/:id`, handler: (ctx) => loadDesign(ctx, ctx.path.id ?? "") },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const p = ctx.params;
        const prefs = p.preferences as { is_default?: boolean; is_platform_default?: boolean } | undefined;
        const keys = p.lookup_keys as string[] | undefined;
        const keep = (d: Design) =>
          (!p.status || d.status === p.status) &&
          (!keys || (d.lookup_key !== null && keys.includes(d.lookup_key))) &&
          (prefs?.is_default === undefined || d.preferences.is_default === prefs.is_default) &&
          (prefs?.is_platform_default === undefined ||
            !!d.preferences.is_platform_default === prefs.is_platform_default);
        return listV1(designs(ctx).filter(keep), p, base, "issuing.personalization_design");
      },
    },
    { method: "GET", path: `${bundles}/:id`, handler: (ctx) => loadBundle(ctx, ctx.path.id ?? "") },
    {
      method: "GET",
      path: bundles,
      handler: (ctx) => {
        const p = ctx.params;
        const all = index(ctx)
          .bundles.map((id) => ctx.tx.get<Bundle>(BUNDLES, id)?.data)
          .filter((b): b is Bundle => !!b && (!p.status || b.status === p.status) && (!p.type || b.type === p.type))
          .reverse();
        return listV1(all, p, bundles, "issuing.physical_bundle");
      },
    },
  );
  for (const action of ["activate", "deactivate", "reject"] as const)
    kernel.router.add({
      method: "POST",
      path: `/v1/test_helpers/issuing/personalization_designs/:id/${action}`,
      handler: helper(action),
    });
  kernel.expanders.set("ics", (id, ctx) => {
    const row = ctx.tx.get<Bundle>(BUNDLES, id);
    return row && row.owner === ctx.account ? (row.data as unknown as Record<string, unknown>) : null;
  });
  kernel.expanders.set("pd", (id, ctx) => {
    const row = ctx.tx.get<Design>(DESIGNS, id);
    return row && row.owner === ctx.account ? (row.data as unknown as Record<string, unknown>) : null;
  });
}
