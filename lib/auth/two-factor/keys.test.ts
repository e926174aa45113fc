import { test } from "node:test";
import assert from "node:assert/strict";
import { decryptSecret, encryptSecret, seal, sign, unseal, unsign } from "./keys";

test("the TOTP secret round-trips through encryption, and is not stored in the clear", () => {
  const stored = encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  assert.ok(!stored.includes("JBSWY3DP"));
  assert.notEqual(encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), stored, "a fresh IV each time");
  assert.equal(decryptSecret(stored), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
});

test("a tampered ciphertext, tag or IV, or one sealed for another purpose, does not open", () => {
  const stored = encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  const [v, iv, tag, body] = stored.split(".") as [string, string, string, string];
  const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
  for (const bad of [
    [v, iv, tag, flip(body)],
    [v, iv, flip(tag), body],
    [v, flip(iv), tag, body],
    ["v2", iv, tag, body],
  ])
    assert.equal(decryptSecret(bad.join(".")), null);
  assert.equal(decryptSecret("garbage"), null);
  assert.equal(unseal("enrolment", stored), null, "another purpose's key");
  assert.equal(unseal("enrolment", seal("enrolment", "x")), "x");
});

test("signed values: ours verify; a changed value or signature, or another purpose, does not", () => {
  const signed = sign("pending-sign-in", "user-1.123");
  assert.equal(unsign("pending-sign-in", signed), "user-1.123");
  assert.equal(unsign("remembered-device", signed), null);
  assert.equal(unsign("pending-sign-in", signed.replace("user-1", "user-2")), null);
  assert.equal(unsign("pending-sign-in", `${signed}x`), null);
  assert.equal(unsign("pending-sign-in", "no-signature"), null);
});
