import assert from "node:assert/strict";
import { test } from "node:test";
import { asFormData } from "./form-input";

test("a FormData passes through; anything else reads as an empty form", () => {
  const form = new FormData();
  form.append("email", "a@b.test");
  assert.equal(asFormData(form), form);
  for (const value of [undefined, null, 1, "email=a@b.test", ["email"], { email: "a@b.test", get: () => "x" }]) {
    const read = asFormData(value);
    assert.ok(read instanceof FormData);
    assert.equal(read.get("email"), null);
    assert.equal([...read.keys()].length, 0);
  }
});
