import { randomUUID } from "node:crypto";
import { Panel } from "@/components/ui/panel";
import type { Business } from "@/db/schema";
import { getDb } from "@/db";
import { listCardholders } from "@/db/queries/cardholders";
import { activeDesigns, designOptions, servicesFor } from "@/lib/cards/physical";
import { getStripe } from "@/lib/stripe/client";
import { OrderPhysicalCardForm } from "./order-physical-card-form";
import { CreateVirtualCardForm } from "./create-virtual-card-form";

/** The owner's and admins' new cards: a virtual card with lifecycle limits, and a physical card order with the platform's active card designs read from Stripe. */
export async function NewCardPanels({ business, accountId }: { business: Business; accountId: string }) {
  const [holders, designs] = await Promise.all([
    listCardholders(getDb(), { accountId }),
    activeDesigns(getStripe(), accountId).catch(() => []),
  ]);
  const options = holders.filter((h) => h.status !== "blocked").map((h) => ({ value: h.id, label: h.name }));
  return (
    <>
      <Panel title="Create a card with limits on its life" data-testid="create-virtual-card">
        <CreateVirtualCardForm clientToken={randomUUID()} cardholders={options} />
      </Panel>
      <Panel title="Order a physical card" data-testid="order-physical-card">
        <OrderPhysicalCardForm
          clientToken={randomUUID()}
          cardholders={options}
          designs={designOptions(designs)}
          services={servicesFor(business)}
          country={business.country.toUpperCase()}
          shipsFromUs={business.fundingModel === "stablecoin"}
        />
      </Panel>
    </>
  );
}
