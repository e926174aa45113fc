import { contract } from "./index";
import type { Endpoint, Node } from "./types";

/**
 * Stripe's API versioning, for what the pinned SDKs cannot say. The generated contract is each
 * endpoint at the SDK's pinned version (v1: `2026-10-28.endive`); the SDK always sends that
 * version, but a request without `Stripe-Version` (curl, as Stripe's guides write them) is served
 * at the account's default API version, and older versions take parameters the pinned types no
 * longer declare. Each row is one such parameter, with the version that removed it and its source.
 */

/**
 * The sandbox platform's default API version: what a request without `Stripe-Version` is served at,
 * and what events are rendered at when their endpoint names no version. [guess: a platform created
 * before endive, whose default was the last version before it (2026-08-26.dahlia, stripe-node
 * 22.6.0); Stripe sets an account's default to the version current when it made its first request.]
 */
export const PLATFORM_DEFAULT_API_VERSION = "2026-08-26.dahlia";

export type RemovedParam = {
  /** Contract endpoint keys (`POST /v1/setup_intents/{}`). */
  endpoints: string[];
  /** Top-level parameter name. */
  param: string;
  node: Node;
  /** The first version that no longer accepts it. */
  removedIn: string;
  source: string;
};

export const REMOVED_PARAMS: RemovedParam[] = [
  {
    endpoints: ["POST /v1/setup_intents", "POST /v1/setup_intents/{}"],
    param: "payment_method_types",
    node: { t: "arr", item: { t: "str" } },
    removedIn: "2026-09-30.endive",
    source:
      'node_modules/stripe/CHANGELOG.md § 23.0.0 (pinned 2026-09-30.endive): "⚠️ Remove support for `payment_method_types` on … `SetupIntentCreateParams`, and `SetupIntentUpdateParams`"; ' +
      "`allowed_payment_method_types` was added at 2026-07-29.dahlia (§ 22.4.0). Before endive the list is the SetupIntent's allowed types.",
  },
];

/** `2026-08-26.dahlia` < `2026-09-30.endive`: versions order by their date. */
export function versionBefore(version: string, other: string): boolean {
  return version.slice(0, 10) < other.slice(0, 10);
}

const cache = new Map<string, Endpoint>();

/** The endpoint as served at `version`: the contract, plus parameters a later version removed. */
export function endpointAt(key: string, endpoint: Endpoint, version: string): Endpoint {
  const rows = REMOVED_PARAMS.filter((r) => r.endpoints.includes(key) && versionBefore(version, r.removedIn));
  if (rows.length === 0) return endpoint;
  const cacheKey = `${key} ${rows.map((r) => r.param).join(",")}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let params = endpoint.params;
  for (let i = 0; params.t === "ref" && i < 20; i++) params = contract().types[params.name] ?? { t: "any" };
  if (params.t !== "obj") throw new Error(`versions: ${key} has no object parameters`);
  const props = { ...params.props };
  for (const r of rows) props[r.param] = { n: r.node, opt: true };
  const out: Endpoint = { ...endpoint, params: { ...params, props } };
  cache.set(cacheKey, out);
  return out;
}
