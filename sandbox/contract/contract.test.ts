import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { CONTRACT_FILE, generate, serialize } from "./generate";
import { contract, endpointFor } from "./index";
import { PREVIEW, PREVIEW_ENDPOINTS } from "./preview";
import { servedRoutes } from "./served";

test("stripe-sdk.json is what the installed SDKs declare today (rerun `npm run contract:generate` when this fails)", () => {
  const fresh = serialize(generate());
  assert.ok(
    fresh === readFileSync(CONTRACT_FILE, "utf8"),
    "sandbox/contract/stripe-sdk.json is stale: run `npm run contract:generate` and commit the result",
  );
});

test("every route the sandbox serves is declared by an SDK (v1 by stripe at its pinned version, v2 by the preview SDK) or, for the few the SDK has no method for, by an API reference page", () => {
  const c = contract();
  assert.equal(c.sdk.v1.api, "2026-10-28.endive");
  assert.equal(c.sdk.v2.api, "2025-12-15.preview");
  const documented = new Set(PREVIEW_ENDPOINTS.map((e) => e.endpoint));
  for (const r of servedRoutes()) {
    const e = endpointFor(r.method, r.path);
    assert.ok(e, `${r.method} ${r.path} has a declaration`);
    const key = `${r.method} ${r.path.replace(/:[^/]+/g, "{}")}`;
    if (documented.has(key)) assert.match(e.sdk, /^docs docs\.stripe\.com\/api\//, `${key} cites its reference page`);
    else if (r.path.startsWith("/v1/")) assert.match(e.sdk, /^stripe /, `${r.path} comes from the pinned SDK`);
  }
});

test("a documented endpoint answers an SDK type, and its row goes once the SDK declares it", () => {
  const c = contract();
  for (const row of PREVIEW_ENDPOINTS) {
    assert.match(row.source, /^docs\.stripe\.com\/api\//, row.endpoint);
    assert.ok(
      row.returns.t === "ref" && c.types[row.returns.name],
      `${row.endpoint} answers a type of stripe-sdk.json`,
    );
  }
});

test("each preview row cites a guide in shared/reference/stripe-guides or a Stripe docs page", () => {
  for (const row of PREVIEW)
    assert.match(
      row.source,
      /^(stablecoin-issuing-with-connect|how-issuing-works|issuing-cards-on-financial-accounts|embedded-finance-integration-guide-fr)\.txt|^docs\.stripe\.com\//,
      row.at,
    );
});
