import { test } from "node:test";
import assert from "node:assert/strict";
import { lifecycleOf } from "./lifecycle";

const today = new Date("2027-03-10T15:00:00Z");

test("single-use and n-use become Stripe's cancel_after.payment_count; unlimited sets none", () => {
  assert.deepEqual(lifecycleOf({ uses: "single" }, today), {
    ok: true,
    value: { controls: { cancel_after: { payment_count: 1 } }, cancelAt: null },
  });
  assert.deepEqual(lifecycleOf({ uses: "count", useCount: " 5 " }, today), {
    ok: true,
    value: { controls: { cancel_after: { payment_count: 5 } }, cancelAt: null },
  });
  assert.deepEqual(lifecycleOf({ uses: "unlimited", useCount: "7" }, today), {
    ok: true,
    value: { controls: null, cancelAt: null },
  });
  for (const bad of ["", "0", "-1", "2.5", "1001", "five"])
    assert.deepEqual(lifecycleOf({ uses: "count", useCount: bad }, today), {
      ok: false,
      fields: { useCount: "Enter a number of payments from 1 to 1000" },
    });
});

test("an end date is the end of that day (UTC), today or later on the issuing clock", () => {
  const ends = lifecycleOf({ uses: "unlimited", endsOn: "2027-03-10" }, today);
  assert.ok(ends.ok);
  assert.equal(ends.value.cancelAt?.toISOString(), "2027-03-11T00:00:00.000Z");
  assert.deepEqual(lifecycleOf({ uses: "single", endsOn: "2027-03-09" }, today), {
    ok: false,
    fields: { endsOn: "Choose today or a later date" },
  });
  for (const bad of ["2027-02-30", "10/03/2027", "2027-3-1"])
    assert.deepEqual(lifecycleOf({ uses: "unlimited", endsOn: bad }, today), {
      ok: false,
      fields: { endsOn: "Enter a date like 2027-01-31" },
    });
});
