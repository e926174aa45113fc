import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import { invalidRequest } from "../../wire/errors";
import { loadCard } from "./common";
import { digits, saveCard } from "./card-model";

/**
 * Physical-card shipping test helpers: `pending` → `submitted` → `shipped` → `delivered`, or
 * `failure` / `returned`. Each step is an `issuing_card.updated` with previous_attributes.
 */
type Status = NonNullable<Stripe.Issuing.Card.Shipping["status"]>;
const STEPS: Record<string, { to: Status; from: Status[] }> = {
  submit: { to: "submitted", from: ["pending"] },
  ship: { to: "shipped", from: ["pending", "submitted"] },
  deliver: { to: "delivered", from: ["shipped"] },
  fail: { to: "failure", from: ["pending", "submitted", "shipped"] },
  return: { to: "returned", from: ["shipped", "delivered"] },
};

export function registerShippingRoutes(kernel: Kernel): void {
  for (const [action, step] of Object.entries(STEPS)) {
    kernel.router.add({
      method: "POST",
      path: `/v1/test_helpers/issuing/cards/:id/shipping/${action}`,
      handler: (ctx) => {
        const row = loadCard(ctx, ctx.path.id ?? "");
        const shipping = row.data.shipping;
        if (row.data.type !== "physical" || !shipping)
          throw invalidRequest(`Card ${row.data.id} is not a physical card; only physical cards ship.`);
        if (!step.from.includes(shipping.status as Status)) {
          throw invalidRequest(
            `Cannot ${action} the shipment of card ${row.data.id}: its shipping status is ${shipping.status}, expected ${step.from.join(" or ")}.`,
          );
        }
        const next = structuredClone(row.data);
        const s = next.shipping as Stripe.Issuing.Card.Shipping;
        s.status = step.to;
        if (step.to === "shipped") {
          s.carrier = "usps";
          s.tracking_number = `9400${digits(ctx, 18)}`;
          s.tracking_url = `https://tools.usps.com/go/TrackConfirmAction?tLabels=${s.tracking_number}`;
          s.eta = ctx.now + 5 * 86400;
        }
        if (step.to === "delivered") s.eta = ctx.now;
        return saveCard(ctx, row, next, row.extra);
      },
    });
  }
}
