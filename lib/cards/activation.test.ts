import assert from "node:assert/strict";
import { test } from "node:test";
import type Stripe from "stripe";
import { activationBlocker, holderStatus } from "./activation";

type Card = Parameters<typeof holderStatus>[0];
const physical = (status: Card["status"], shipping: string | null): Card => ({
  status,
  type: "physical",
  shipping: shipping ? ({ status: shipping } as Stripe.Issuing.Card.Shipping) : null,
});

test("a cardholder's physical card on its way reads 'Not delivered yet', not 'Frozen'; once delivered, inactive is frozen", () => {
  assert.deepEqual(holderStatus(physical("inactive", "shipped")), {
    status: "undelivered",
    label: "Not delivered yet",
  });
  assert.deepEqual(holderStatus(physical("inactive", "returned")), {
    status: "undelivered",
    label: "Not delivered yet",
  });
  assert.equal(
    activationBlocker(physical("inactive", "shipped")),
    "This card can be activated once it is delivered: it is on its way",
  );
  assert.deepEqual(holderStatus(physical("inactive", "delivered")), { status: "inactive", label: "Frozen" });
  assert.deepEqual(holderStatus(physical("active", "delivered")), { status: "active", label: "Active" });
  assert.deepEqual(holderStatus({ status: "inactive", type: "virtual", shipping: null }), {
    status: "inactive",
    label: "Frozen",
  });
  assert.deepEqual(holderStatus(physical("canceled", "shipped")), { status: "canceled", label: "Canceled" });
});
