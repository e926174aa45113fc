import "server-only";
import { z } from "zod";
import type { Business } from "@/db/schema";
import { businessSpec } from "@/lib/actions/execute";
import { purchaseSchema, simulatePurchase } from "@/lib/cards/simulate";
import { stripeMode } from "@/lib/config";
import { fail, ok } from "@/lib/errors";
import { moneyField } from "@/lib/money-field";
import { getStripe } from "@/lib/stripe/client";
import { sandboxControl } from "./control";
import { stripeFailure } from "@/lib/stripe/errors";

/** Sandbox tools act only in sandbox mode, on an onboarded business. */
function sandboxAccount(business: Business) {
  if (stripeMode() !== "sandbox") return null;
  return business.stripeAccountId ? business : null;
}

const authId = z.object({ authorization: z.string().regex(/^iauth_[A-Za-z0-9_]{1,64}$/) });

/** Capture or reverse one of the business's pending test authorizations (Stripe's test helpers). */
function authorizationHelper(kind: "capture" | "reverse") {
  return businessSpec({
    permission: "cards.manage",
    schema: authId,
    run: async ({ business: b, input: { authorization } }) => {
      const business = sandboxAccount(b);
      if (!business?.stripeAccountId) return fail("not_found");
      try {
        await getStripe().testHelpers.issuing.authorizations[kind](
          authorization,
          {},
          { stripeAccount: business.stripeAccountId },
        );
      } catch (err) {
        return stripeFailure(err, { refused: `Could not ${kind} this purchase` }).result;
      }
      return ok({ authorization, done: kind });
    },
    audit: ({ authorization }) => ({
      action: kind === "capture" ? "sandbox.authorization_captured" : "sandbox.authorization_reversed",
      target: authorization,
    }),
    revalidate: () => ["/sandbox-tools"],
  });
}

export const sandboxToolActions = {
  simulatePurchase: businessSpec({
    permission: "cards.manage",
    schema: purchaseSchema,
    run: async ({ business: b, input }) => {
      const business = sandboxAccount(b);
      if (!business?.stripeAccountId)
        return fail(
          "not_found",
          undefined,
          "Sandbox tools are available only in sandbox mode, for an onboarded business.",
        );
      try {
        const auth = await simulatePurchase(getStripe(), business.stripeAccountId, input);
        if ("refused" in auth) return fail("validation_failed", { amount: auth.refused });
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
    revalidate: () => ["/sandbox-tools"],
  }),

  capture: authorizationHelper("capture"),
  reverse: authorizationHelper("reverse"),

  receiveMoney: businessSpec({
    permission: "money.move",
    schema: z.object({ amount: moneyField("usd") }),
    run: async ({ business: b, input }) => {
      const business = sandboxAccount(b);
      if (!business?.stripeAccountId || !business.financialAccountId || business.fundingModel !== "treasury")
        return fail("not_found", undefined, "Only for US financial accounts in sandbox mode.");
      await getStripe().testHelpers.treasury.receivedCredits.create(
        {
          financial_account: business.financialAccountId,
          network: "ach",
          amount: input.amount,
          currency: "usd",
          description: "Simulated ACH credit",
        },
        { stripeAccount: business.stripeAccountId },
      );
      return ok({ amount: input.amount });
    },
    audit: (_input, data) => ({ action: "sandbox.money_received", data }),
    revalidate: () => ["/dashboard"],
  }),

  /** A pending top-up of the Issuing balance arrives from the bank, or the bank refuses it. */
  settleTopup: businessSpec({
    permission: "money.move",
    schema: z.object({
      topup: z.string().regex(/^tu_[A-Za-z0-9_]{1,64}$/),
      outcome: z.enum(["succeed", "fail"]),
    }),
    run: async ({ business: b, input: { topup, outcome } }) => {
      const business = sandboxAccount(b);
      const control = sandboxControl();
      if (!business?.stripeAccountId || !control) return fail("not_found");
      try {
        // Retrieve first: another account's top-up is not found rather than touched.
        await getStripe().topups.retrieve(topup, {}, { stripeAccount: business.stripeAccountId });
      } catch (err) {
        return stripeFailure(err, { refused: "Could not find this top-up" }).result;
      }
      const body = outcome === "fail" ? { failure_code: "insufficient_funds" } : {};
      const settled = (await control(`/_sandbox/topups/${encodeURIComponent(topup)}/${outcome}`, body)) as {
        id?: string;
        status?: string;
      };
      if (settled?.id !== topup || typeof settled.status !== "string")
        return fail("validation_failed", undefined, "This top-up is no longer pending");
      return ok({ topup, status: settled.status });
    },
    audit: ({ topup, outcome }) => ({
      action: `sandbox.topup_${outcome === "fail" ? "failed" : "arrived"}`,
      target: topup,
    }),
    revalidate: () => ["/sandbox-tools", "/balance", "/dashboard"],
  }),

  completeInbound: businessSpec({
    permission: "money.move",
    schema: z.object({ transfer: z.string().regex(/^ibt_[A-Za-z0-9_]{1,64}$/) }),
    run: async ({ business: b, input: { transfer } }) => {
      const business = sandboxAccount(b);
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
        return stripeFailure(err, { refused: "Could not complete this transfer" }).result;
      }
      return ok({ transfer });
    },
    audit: ({ transfer }) => ({ action: "sandbox.inbound_transfer_completed", target: transfer }),
    revalidate: () => ["/sandbox-tools"],
  }),
};
