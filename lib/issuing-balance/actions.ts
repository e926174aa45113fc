import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { getStripe } from "@/lib/stripe/client";
import { moveSchema, payOutIssuingBalance } from "./payout";

/** The Issuing balance's money actions (UK and EEA businesses; money comes in by bank transfer). */
export const issuingBalanceActions = {
  payOut: businessSpec({
    permission: "money.move",
    stepUp: true,
    schema: moveSchema,
    run: ({ actor, business, input }) => payOutIssuingBalance(getDb(), getStripe(), business, actor.userId, input),
    audit: (_input, data) => ({
      action: "money.payout",
      target: data.id,
      data: { amount: data.amount, currency: data.currency },
    }),
    revalidate: () => ["/balance", "/dashboard"],
    echo: ["amount"],
  }),
};
