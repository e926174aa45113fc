import { test } from "node:test";
import assert from "node:assert/strict";
import { parseForm } from "./form";
import { coerceObject, arr, int, obj, str, metadata, emptyable } from "./schema";

test("form bodies decode nested brackets, indexed arrays and the SDK's doubled '?'", () => {
  const tree = parseForm("a[b][c]=1&list[0]=x&list[1]=y&objs[0][k]=v&metadata[order]=&name=Jenny+Rosen&e%5Bx%5D=%2F");
  assert.deepEqual(tree, { a: { b: { c: "1" } }, list: { 0: "x", 1: "y" }, objs: { 0: { k: "v" } }, metadata: { order: "" }, name: "Jenny Rosen", e: { x: "/" } });
  assert.deepEqual(parseForm("page=abc?limit=2"), { page: "abc", limit: "2" });
  assert.deepEqual(parseForm("expand[]=a&expand[]=b"), { expand: { 0: "a", 1: "b" } });
});

test("schemas coerce strings, turn indexed objects into arrays and treat '' as unset only where allowed", () => {
  const fields = { n: int(), tags: arr(str()), meta: metadata(), nick: emptyable(str()), inner: obj({ x: int() }) };
  const out = coerceObject(parseForm("n=12&tags[0]=a&tags[1]=b&meta[k]=&nick=&inner[x]=3"), fields, [], "v1");
  assert.deepEqual(out, { n: 12, tags: ["a", "b"], meta: { k: null }, nick: null, inner: { x: 3 } });
  assert.throws(() => coerceObject(parseForm("n=twelve"), fields, [], "v1"), /Invalid integer: twelve/);
  assert.throws(() => coerceObject(parseForm("inner[y]=1"), fields, [], "v1"), (e: { error: { param: string; code: string } }) => e.error.param === "inner[y]" && e.error.code === "parameter_unknown");
  assert.throws(() => coerceObject(parseForm("n="), fields, [], "v1"), (e: { error: { code: string } }) => e.error.code === "parameter_invalid_empty");
});
