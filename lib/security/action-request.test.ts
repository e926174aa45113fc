import assert from "node:assert/strict";
import { test } from "node:test";
import { malformedActionRequest } from "./action-request";

const TEXT = "text/plain;charset=UTF-8";
function form(entries: Array<[string, string]>): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

test("what React's client sends is accepted", () => {
  assert.equal(malformedActionRequest(TEXT, "[]"), null);
  assert.equal(
    malformedActionRequest(
      TEXT,
      '[{"card":"ic_1","nonce":"$$n","n":1,"x":"$undefined","at":"$D2026-01-01T00:00:00.000Z"}]',
    ),
    null,
  );
  assert.equal(
    malformedActionRequest(
      "multipart/form-data; boundary=x",
      form([
        ["_1_email", "a@b.test"],
        ["0", '[{},"$K1"]'],
      ]),
    ),
    null,
  );
  // An empty FormData has no entries but is still referenced.
  assert.equal(malformedActionRequest("multipart/form-data; boundary=x", form([["0", '[null,"$K1"]']])), null);
  assert.equal(
    malformedActionRequest(
      "multipart/form-data; boundary=x",
      form([
        ["1", '{"a":1}'],
        ["0", '["$@1"]'],
      ]),
    ),
    null,
  );
});

test("bodies no browser sends are refused with a reason", () => {
  for (const body of [
    "not json",
    "",
    '{"a":1}',
    '"str"',
    "42",
    '[{},"$@5"]',
    '["$5"]',
    '["$Q2"]',
    "[".repeat(200) + "]".repeat(200),
  ]) {
    assert.notEqual(malformedActionRequest(TEXT, body), null, body.slice(0, 40));
  }
  assert.notEqual(malformedActionRequest("application/json", '{"email":1}'), null);
  assert.notEqual(malformedActionRequest("application/x-www-form-urlencoded", "a=b"), null);
  assert.notEqual(malformedActionRequest(null, "[]"), null);
  assert.notEqual(malformedActionRequest("multipart/form-data; boundary=x", null), null);
  assert.notEqual(malformedActionRequest("multipart/form-data; boundary=x", form([["_1_email", "a"]])), null);
  assert.notEqual(malformedActionRequest("multipart/form-data; boundary=x", form([["0", '[{},"$@2"]']])), null);
  assert.notEqual(malformedActionRequest(TEXT, null), null);
});
