import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { contract, resolve } from "@/sandbox/contract";
import type { Node } from "@/sandbox/contract/types";
import { SNAPSHOT_EVENT_TYPES } from "./receivers";

/** The object types applySnapshotEvent switches on (`case "topup":`), read from its source. */
function appliedObjects(): Set<string> {
  const source = readFileSync(path.join(import.meta.dirname, "apply.ts"), "utf8");
  const body = source.slice(source.indexOf("export async function applySnapshotEvent"));
  const switched = body.slice(body.indexOf("switch (obj.object)"), body.indexOf("default:"));
  return new Set([...switched.matchAll(/case "([a-z_.]+)":/g)].map((m) => m[1]!));
}

const lit = (n: Node | undefined): string | undefined => {
  const r = n ? resolve(n) : undefined;
  return r?.t === "lit" && typeof r.v === "string" ? r.v : undefined;
};
const prop = (n: Node, name: string): Node | undefined => {
  const r = resolve(n);
  return r.t === "obj" ? r.props[name]?.n : undefined;
};

/** Every v1 event type the SDK declares, with the type of the object it carries. */
function declaredEvents(): { type: string; object: string | undefined }[] {
  const union = resolve(contract().deliveries.snapshot);
  const members = union.t === "union" ? union.of : [union];
  return members.map((m) => {
    const data = prop(m, "data");
    const obj = data ? prop(data, "object") : undefined;
    return { type: lit(prop(m, "type"))!, object: obj ? lit(prop(obj, "object")) : undefined };
  });
}

test("every event type whose object apply.ts applies is in the snapshot subscription list", () => {
  const applied = appliedObjects();
  // The switch is found (a refactor that hides it must update this test, not pass it silently).
  for (const o of ["account", "issuing.card", "topup", "payout", "balance"]) assert.ok(applied.has(o), o);
  const events = declaredEvents();
  assert.ok(
    events.some((e) => e.type === "topup.succeeded" && e.object === "topup"),
    "the contract is read",
  );
  const subscribed = new Set<string>(SNAPSHOT_EVENT_TYPES);
  const missing = events
    .filter((e) => e.object !== undefined && applied.has(e.object))
    // The real-time request is answered at the authorization endpoint, not through a destination.
    .filter((e) => e.type !== "issuing_authorization.request")
    .map((e) => e.type)
    .filter((t) => !subscribed.has(t));
  assert.deepEqual(missing, []);
});

test("the snapshot list names only event types Stripe declares, each once", () => {
  const declared = new Set(declaredEvents().map((e) => e.type));
  assert.deepEqual(
    SNAPSHOT_EVENT_TYPES.filter((t) => !declared.has(t)),
    [],
  );
  assert.equal(new Set(SNAPSHOT_EVENT_TYPES).size, SNAPSHOT_EVENT_TYPES.length);
});
