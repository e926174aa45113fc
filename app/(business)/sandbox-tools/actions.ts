"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { getBusiness } from "@/db/queries/businesses";
import { businessAction } from "@/lib/actions/safe-action";
import { purchaseSchema, simulatePurchase } from "@/lib/cards/simulate";
import { stripeMode } from "@/lib/config";
import { fail, ok } from "@/lib/errors";
import { parseMoney } from "@/lib/money";
import { getStripe } from "@/lib/stripe/client";

async function sandboxAccount(businessId: string) {
  if (stripeMode() !== "sandbox") return null;
  const business = await getBusiness(getDb(), { businessId });
  return business?.stripeAccountId ? business : null;
}

export const simulatePurchaseAction = businessAction({
  permission: "cards.manage",
  schema: purchaseSchema,
  run: async (actor, input) => {
    const business = await sandboxAccount(actor.businessId);
    if (!business?.stripeAccountId)
      return fail(
        "not_found",
        undefined,
        "Sandbox tools are available only in sandbox mode, for an onboarded business.",
      );
    try {
      const auth = await simulatePurchase(getStripe(), business.stripeAccountId, input);
      revalidatePath("/sandbox-tools");
      return ok({
        id: auth.id,
        approved: auth.approved,
        status: auth.status,
        reason: auth.request_history.at(-1)?.reason ?? null,
      });
    } catch {
      return fail("not_found", { card: "That card could not be found" });
    }
  },
  audit: (input, data) => ({
    action: "sandbox.purchase_simulated",
    target: data.id,
    data: { card: input.card, amount: input.amount, category: input.category },
  }),
});

const authId = z.object({ authorization: z.string().regex(/^iauth_[A-Za-z0-9_]{1,64}$/) });

/** Capture or reverse one of the business's pending test authorizations (Stripe's test helpers). */
function authorizationHelper(kind: "capture" | "reverse") {
  return businessAction({
    permission: "cards.manage",
    schema: authId,
    run: async (actor, { authorization }) => {
      const business = await sandboxAccount(actor.businessId);
      if (!business?.stripeAccountId) return fail("not_found");
      try {
        await getStripe().testHelpers.issuing.authorizations[kind](
          authorization,
          {},
          { stripeAccount: business.stripeAccountId },
        );
      } catch (err) {
        return fail(
          "validation_failed",
          undefined,
          err instanceof Error && "type" in err ? err.message : `Could not ${kind} this purchase`,
        );
      }
      revalidatePath("/sandbox-tools");
      return ok({ authorization, done: kind });
    },
    audit: ({ authorization }) => ({
      action: kind === "capture" ? "sandbox.authorization_captured" : "sandbox.authorization_reversed",
      target: authorization,
    }),
  });
}

export const captureAction = authorizationHelper("capture");
export const reverseAction = authorizationHelper("reverse");

export const receiveMoneyAction = businessAction({
  permission: "money.move",
  schema: z.object({ amount: z.string().max(30) }),
  run: async (actor, input) => {
    const business = await sandboxAccount(actor.businessId);
    if (!business?.stripeAccountId || !business.financialAccountId || business.fundingModel !== "treasury")
      return fail("not_found", undefined, "Only for US financial accounts in sandbox mode.");
    const amount = parseMoney(input.amount, "usd");
    if (!amount.ok) return fail("validation_failed", { amount: amount.message });
    await getStripe().testHelpers.treasury.receivedCredits.create(
      {
        financial_account: business.financialAccountId,
        network: "ach",
        amount: amount.amount,
        currency: "usd",
        description: "Simulated ACH credit",
      },
      { stripeAccount: business.stripeAccountId },
    );
    revalidatePath("/dashboard");
    return ok({ amount: amount.amount });
  },
  audit: (_input, data) => ({ action: "sandbox.money_received", data }),
});

export const completeInboundAction = businessAction({
  permission: "money.move",
  schema: z.object({ transfer: z.string().regex(/^ibt_[A-Za-z0-9_]{1,64}$/) }),
  run: async (actor, { transfer }) => {
    const business = await sandboxAccount(actor.businessId);
    if (!business?.stripeAccountId) return fail("not_found");
    try {
      // Retrieve first: another account's transfer is not found rather than touched.
      await getStripe().treasury.inboundTransfers.retrieve(transfer, {}, { stripeAccount: business.stripeAccountId });
      await getStripe().testHelpers.treasury.inboundTransfers.succeed(
        transfer,
        {},
        { stripeAccount: business.stripeAccountId },
      );
    } catch (err) {
      return fail(
        "validation_failed",
        undefined,
        err instanceof Error && "type" in err ? err.message : "Could not complete this transfer",
      );
    }
    revalidatePath("/sandbox-tools");
    return ok({ transfer });
  },
  audit: ({ transfer }) => ({ action: "sandbox.inbound_transfer_completed", target: transfer }),
});
