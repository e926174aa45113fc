import assert from "node:assert/strict";
import { test } from "node:test";
import { rulesFormSchema } from "@/lib/rules/rules-form";
import { signUpSchema } from "@/lib/auth/schemas";
import { newBusinessSchema } from "@/lib/businesses/schemas";
import { NUL_MESSAGE, executeAction, nulField } from "./execute";

// Found by the e2e fuzz suite (e2e/fuzz.spec.ts): inputs that reached the database or slipped
// through validation.

test("a NUL character anywhere in an action's input is a field error, before parsing or running", async () => {
  assert.equal(nulField({ a: "x", b: { c: ["ok", "n\u0000"] } }), "b.c");
  assert.equal(nulField("\u0000"), "_form");
  assert.equal(nulField({ a: "x", n: 1, z: null }), null);
  let runs = 0;
  const spec = {
    permission: "cards.manage" as const,
    schema: { safeParse: () => ({ success: true, data: {} }) } as never,
    run: async () => (runs++, { ok: true, data: {} }) as never,
  };
  const form = new FormData();
  form.set("eventId", "evt_\u0000x");
  const result = await executeAction(
    {} as never,
    { actor: { userId: "u", role: "owner", businessId: "b" } },
    spec,
    form,
  );
  assert.deepEqual(result, {
    ok: false,
    error: { code: "validation_failed", message: "Some fields need attention", fields: { eventId: NUL_MESSAGE } },
  });
  assert.equal(runs, 0);
});

test("sign-up and new-business names with a NUL character are refused", () => {
  assert.equal(
    signUpSchema.safeParse({ name: "Ann\u0000", email: "a@b.test", password: "long-enough-pw" }).success,
    false,
  );
  assert.equal(
    newBusinessSchema.safeParse({ legalName: "Acme\u0000 Inc", country: "US", businessType: "company" }).success,
    false,
  );
  assert.equal(
    newBusinessSchema.safeParse({ legalName: "Acme Inc", country: "US", businessType: "company" }).success,
    true,
  );
});

test("the platform's velocity limit takes digits only (not 1e3 or 0x10)", () => {
  const base = { blockedCategories: [], allowedCountries: "", maxAmount: "", killSwitch: "" };
  for (const bad of ["1e3", "0x10", "1.5", "-1", " 1 2 "])
    assert.equal(rulesFormSchema.safeParse({ ...base, velocityPerHour: bad }).success, false, bad);
  const ok = rulesFormSchema.safeParse({ ...base, velocityPerHour: " 16 " });
  assert.equal(ok.success && ok.data.velocityPerHour, 16);
});
