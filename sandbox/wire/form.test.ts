import { test } from "node:test";
import assert from "node:assert/strict";
import { parseForm } from "./form";

test("form bodies decode nested brackets, indexed arrays and the SDK's doubled '?'", () => {
  const tree = parseForm("a[b][c]=1&list[0]=x&list[1]=y&objs[0][k]=v&metadata[order]=&name=Jenny+Rosen&e%5Bx%5D=%2F");
  assert.deepEqual(tree, {
    a: { b: { c: "1" } },
    list: { 0: "x", 1: "y" },
    objs: { 0: { k: "v" } },
    metadata: { order: "" },
    name: "Jenny Rosen",
    e: { x: "/" },
  });
  assert.deepEqual(parseForm("page=abc?limit=2"), { page: "abc", limit: "2" });
  assert.deepEqual(parseForm("expand[]=a&expand[]=b"), { expand: { 0: "a", 1: "b" } });
});
