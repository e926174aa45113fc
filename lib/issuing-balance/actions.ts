import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { getStripe } from "@/lib/stripe/client";
import { moveIssuingBalance, moveSchema, PAYOUT_KIND, TOPUP_KIND } from "./move";

/** The Issuing balance's money actions (UK and EEA businesses). */
export const issuingBalanceActions = {
  topUp: businessSpec({
    permission: "money.move",
    schema: moveSchema,
    run: ({ actor, business, input }) =>
      moveIssuingBalance(
        getDb(),
        getStripe(),
        business,
        { userId: actor.userId, kind: TOPUP_KIND, description: "Top-up from bank" },
        input,
      ),
    audit: (_input, data) => ({
      action: "money.topup",
      target: data.id,
      data: { amount: data.amount, currency: data.currency },
    }),
    revalidate: () => ["/balance", "/dashboard"],
    echo: ["amount"],
  }),

  payOut: businessSpec({
    permission: "money.move",
    schema: moveSchema,
    run: ({ actor, business, input }) =>
      moveIssuingBalance(
        getDb(),
        getStripe(),
        business,
        { userId: actor.userId, kind: PAYOUT_KIND, description: "Payout to bank" },
        input,
      ),
    audit: (_input, data) => ({
      action: "money.payout",
      target: data.id,
      data: { amount: data.amount, currency: data.currency },
    }),
    revalidate: () => ["/balance", "/dashboard"],
    echo: ["amount"],
  }),
};
