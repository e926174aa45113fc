import { test } from "node:test";
import assert from "node:assert/strict";
import { EMAIL_CHOICES, emailChoicesSchema, kindsOff } from "./email-choices";

const parse = (alert: unknown) => emailChoicesSchema.safeParse(alert === undefined ? {} : { alert });

test("the ticked kinds (none, one or several, repeats once) become the kinds switched off", () => {
  const all = EMAIL_CHOICES.map((c) => c.kind);
  assert.deepEqual(kindsOff(parse(undefined).data!.alert), all, "nothing ticked: every email off");
  assert.deepEqual(
    kindsOff(parse("purchase_declined").data!.alert),
    all.filter((k) => k !== "purchase_declined"),
  );
  assert.deepEqual(parse(["low_balance", "low_balance", "payout_failed"]).data!.alert, [
    "low_balance",
    "payout_failed",
  ]);
  assert.deepEqual(kindsOff(all), []);
});

test("an unknown kind, alone or among good ones, or a value of the wrong type fails next to the field", () => {
  for (const bad of ["nope", ["purchase_declined", "OWNER"], "", [""], { nested: 1 }, -1.5, ["x".repeat(100_000)]]) {
    const r = parse(bad);
    assert.equal(r.success, false, JSON.stringify(bad).slice(0, 40));
    assert.deepEqual(
      r.error!.issues.map((i) => i.path.join(".")),
      ["alert"],
    );
  }
});
