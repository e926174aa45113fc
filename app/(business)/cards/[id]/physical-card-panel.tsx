import type Stripe from "stripe";
import { ShippingTimeline } from "@/components/cards/shipping-timeline";
import { Panel } from "@/components/ui/panel";
import { activationBlocker } from "@/lib/cards/activation";
import { ActivateCardForm } from "./activate-card-form";

/** A physical card's delivery and, while it is inactive, its activation (allowed once delivered). */
export function PhysicalCardPanel({ card, canManage }: { card: Stripe.Issuing.Card; canManage: boolean }) {
  if (card.type !== "physical" || !card.shipping) return null;
  return (
    <Panel title="Delivery" data-testid="card-delivery">
      <ShippingTimeline shipping={card.shipping} />
      {canManage && card.status === "inactive" ? (
        <ActivateCardForm card={card.id} hint={activationBlocker(card)} />
      ) : null}
    </Panel>
  );
}
