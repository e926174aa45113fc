import { test } from "node:test";
import assert from "node:assert/strict";
import { checkObject, listNode } from "./check";
import { contract } from "./index";
import type { Node } from "./types";

const ref = (name: string): Node => ({ t: "ref", name });
const messages = (v: unknown, n: Node) => checkObject(v, n).map((p) => `${p.path}: ${p.message}`);

const address = { city: "SF", country: "US", line1: "1 Main", line2: null, postal_code: "94111", state: "CA" };

test("objects: missing required, undeclared, wrong type, null where not nullable", () => {
  const n = ref("shared#Address");
  assert.deepEqual(messages(address, n), []);
  const { line2: _line2, ...noLine2 } = address;
  void _line2;
  assert.deepEqual(messages(noLine2, n), ["$.line2: missing required property"]);
  assert.deepEqual(messages({ ...address, town: "x" }, n), ["$.town: property not declared by the type"]);
  assert.deepEqual(messages({ ...address, city: 5 }, n), ["$.city: expected null | string, got number"]);
  const shipping = ref("Issuing/Cards#Card.Shipping");
  assert.ok(messages({ name: null }, shipping).includes("$.name: null where the type has no null (expected string)"));
});

test("index signatures take any key of their type (metadata)", () => {
  assert.deepEqual(messages({ a: "b", c: "d" }, ref("shared#Metadata")), []);
  assert.deepEqual(messages({ a: 1 }, ref("shared#Metadata")), ["$.a: expected string, got number"]);
});

test("enums are closed, open ones too: only the values the SDK lists", () => {
  const open: Node = { t: "enum", values: ["a", "b"], open: true };
  assert.deepEqual(messages("a", open), []);
  assert.deepEqual(messages("c", open), ['$: "c" is not one of a, b']);
});

test("int64 is a string of digits (the SDK's V2 coercion turns only strings into bigint); decimal a decimal string", () => {
  assert.deepEqual(messages("-9007199254740993", { t: "int64" }), []);
  assert.equal(messages(12, { t: "int64" }).length, 1);
  assert.deepEqual(messages("1.25", { t: "decimal" }), []);
  assert.equal(messages(1.25, { t: "decimal" }).length, 1);
});

test("unions: one member passing is enough; otherwise the member named by object/type reports, then the closest", () => {
  const card = ref("Issuing/Cards#Card");
  const events = contract().deliveries.snapshot;
  // A string (an id) satisfies an expandable field; an object must be the right object.
  const expandable: Node = { t: "union", of: [{ t: "str" }, ref("shared#Address")] };
  assert.deepEqual(messages("ic_1", expandable), []);
  assert.deepEqual(messages({ ...address, line2: 3 }, expandable), ["$.line2: expected null | string, got number"]);
  // Of ~100 event types, only the one whose `type` matches is reported on.
  const bad = {
    id: "evt_1",
    object: "event",
    api_version: null,
    created: 1,
    livemode: false,
    pending_webhooks: 0,
    request: null,
    type: "issuing_card.created",
    data: { object: { object: "issuing.card" } },
  };
  const found = checkObject(bad, events);
  assert.ok(
    found.length > 0 && found.every((p) => p.path.startsWith("$.data.object.")),
    JSON.stringify(found.slice(0, 3)),
  );
  assert.ok(found.some((p) => p.path === "$.data.object.cardholder"));
  // An object is not "nearly null": a nullable object reports the object's own problems.
  const nullableAddress: Node = { t: "union", of: [{ t: "null" }, ref("shared#Address")] };
  assert.deepEqual(messages({ ...address, extra: 1 }, nullableAddress), ["$.extra: property not declared by the type"]);
  assert.ok(messages({}, card).length > 5);
});

test("previous_attributes: each present key has its type on the object, at any depth, old absent keys null", () => {
  const node = ref("Events#IssuingCardUpdatedEvent.Data");
  const card = { object: "issuing.card" }; // only previous_attributes is under test here
  const check = (prev: unknown) =>
    checkObject({ object: card, previous_attributes: prev }, node).filter(
      (p) => p.path.startsWith("$.data.previous_attributes") || p.path.startsWith("$.previous_attributes"),
    );
  assert.deepEqual(check({ status: "inactive", shipping: { status: "pending" }, metadata: { added: null } }), []);
  assert.deepEqual(
    check({ status: "lost" }).map((p) => p.path),
    ["$.previous_attributes.status"],
  );
  assert.deepEqual(
    check({ colour: "red" }).map((p) => p.message),
    ["property not declared by the type"],
  );
  assert.deepEqual(
    check({ shipping: { status: 3 } }).map((p) => p.path),
    ["$.previous_attributes.shipping.status"],
  );
});

test("lists: v1 ApiList and v2 V2List envelopes", () => {
  const item: Node = { t: "str" };
  assert.deepEqual(messages({ object: "list", data: ["a"], has_more: false, url: "/v1/x" }, listNode(item, "v1")), []);
  assert.deepEqual(messages({ data: ["a"], next_page_url: null, previous_page_url: null }, listNode(item, "v2")), []);
  assert.deepEqual(messages({ data: [1], next_page_url: null }, listNode(item, "v2")), [
    "$.data[0]: expected string, got number",
    "$.previous_page_url: missing required property",
  ]);
});
