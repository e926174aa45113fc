import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import type { Business } from "@/db/schema";
import { businessSpec } from "@/lib/actions/execute";
import { purchaseSchema, simulatePurchase } from "@/lib/cards/simulate";
import { stripeMode } from "@/lib/config";
import { fail, ok } from "@/lib/errors";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { amountIn } from "@/lib/issuing-balance/amount";
import { simulateBankTransferIn } from "@/lib/issuing-balance/push-funding";
import { getStripe } from "@/lib/stripe/client";
import { stripeFailure } from "@/lib/stripe/errors";
import { getDb } from "@/db";
import { applyCard } from "@/lib/events/read-models";
import { declinesForAuthorizations } from "@/db/queries/authorization-decisions";
import { explainDecline } from "@/lib/cards/declines";
import { applyToken } from "@/lib/events/read-models";
import { sandboxControl } from "./control";

/** Stripe's shipping test helpers, by the step each takes a physical card's delivery. */
export const SHIPPING_STEPS = {
  submit: "submitCard",
  ship: "shipCard",
  deliver: "deliverCard",
  fail: "failCard",
  return: "returnCard",
} as const;
export type ShippingStep = keyof typeof SHIPPING_STEPS;

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
        const [decision] = auth.approved
          ? []
          : await declinesForAuthorizations(getDb(), {
              accountId: business.stripeAccountId,
              authorizationIds: [auth.id],
            });
        const why = auth.approved
          ? null
          : explainDecline({
              reason: auth.request_history.at(-1)?.reason ?? null,
              verification: auth.verification_data,
              decision: decision ?? null,
            });
        return ok({
          id: auth.id,
          approved: auth.approved,
          status: auth.status,
          reason: auth.request_history.at(-1)?.reason ?? null,
          why: why ? `${why.why}. ${why.next}.` : null,
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

  /** Moves one of the business's physical cards along its delivery (Stripe's shipping test helpers). */
  cardShipping: businessSpec({
    permission: "cards.manage",
    schema: z.object({
      card: z.string().regex(/^ic_[A-Za-z0-9_]{1,64}$/),
      step: z.enum(Object.keys(SHIPPING_STEPS) as [ShippingStep, ...ShippingStep[]]),
    }),
    run: async ({ business: b, input: { card, step } }) => {
      const business = sandboxAccount(b);
      if (!business?.stripeAccountId) return fail("not_found");
      const opts = { stripeAccount: business.stripeAccountId };
      try {
        const moved = await getStripe().testHelpers.issuing.cards[SHIPPING_STEPS[step]](card, {}, opts);
        // The webhook brings the same change; applied now so the next page shows it.
        await applyCard(getDb(), business.stripeAccountId, moved, new Date());
        return ok({ card, status: moved.shipping?.status ?? null });
      } catch (err) {
        return stripeFailure(err, { refused: `Could not ${step} this card's shipment` }).result;
      }
    },
    audit: ({ card, step }) => ({ action: "sandbox.card_shipping", target: card, data: { step } }),
    revalidate: ({ card }) => ["/sandbox-tools", `/cards/${card}`],
  }),

  /** Adds one of the business's cards to a wallet on a device, as its cardholder would in the wallet's app. */
  addToWallet: businessSpec({
    permission: "cards.manage",
    schema: z.object({
      card: z.string({ error: "Choose a card" }).regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "Choose a card" }),
      wallet: z.enum(["apple_pay", "google_pay"], { error: "Choose Apple Pay or Google Pay" }),
      deviceType: z.enum(["phone", "watch", "other"], { error: "Choose a phone, a watch or another device" }),
      deviceName: z.string().trim().max(60, { error: "Use at most 60 characters" }).optional(),
    }),
    run: async ({ business: b, input }) => {
      const business = sandboxAccount(b);
      const control = sandboxControl();
      if (!business?.stripeAccountId || !control) return fail("not_found");
      const accountId = business.stripeAccountId;
      try {
        // Retrieve first: another account's card is not found rather than added to a wallet.
        await getStripe().issuing.cards.retrieve(input.card, {}, { stripeAccount: accountId });
      } catch {
        return fail("not_found", { card: "That card could not be found" });
      }
      const answer = (await control(`/_sandbox/issuing/cards/${encodeURIComponent(input.card)}/tokens`, {
        wallet_provider: input.wallet,
        device_type: input.deviceType,
        ...(input.deviceName ? { device_name: input.deviceName } : {}),
      })) as (Stripe.Issuing.Token & { error?: undefined }) | { error: { code?: string; message?: string } };
      if (answer.error)
        return fail("validation_failed", {
          card:
            answer.error.code === "missing_cardholder_contact"
              ? "Add a phone number or email to the cardholder to use Apple Pay or Google Pay."
              : "This card can't be added to a wallet (is it canceled?)",
        });
      // The webhook brings the same token; applied now so the card page shows it at once.
      await applyToken(getDb(), accountId, answer, new Date());
      return ok({ token: answer.id, card: input.card, status: answer.status });
    },
    audit: (input, data) => ({
      action: "sandbox.wallet_token_added",
      target: data.token,
      data: { card: input.card, wallet: input.wallet, device: input.deviceType },
    }),
    revalidate: ({ card }) => ["/sandbox-tools", `/cards/${card}`],
    echo: ["card", "wallet", "deviceType", "deviceName"],
  }),

  capture: authorizationHelper("capture"),
  reverse: authorizationHelper("reverse"),

  receiveMoney: businessSpec({
    permission: "money.move",
    // Parsed in the business's currency below (USD, or its Issuing balance's GBP or EUR).
    schema: z.object({
      amount: z.string({ error: "Enter an amount" }).max(30, { error: "Enter an amount like 12.50" }),
    }),
    run: async ({ business: b, input }) => {
      const business = sandboxAccount(b);
      const fundable =
        business?.fundingModel === "issuing_balance" ||
        (business?.fundingModel === "treasury" && business.financialAccountId);
      if (!business?.stripeAccountId || !fundable)
        return fail(
          "not_found",
          undefined,
          "Only for US financial accounts and UK/EEA Issuing balances in sandbox mode.",
        );
      const currency = balanceCurrencyFor(business.country);
      const amount = amountIn(input.amount, currency);
      if (!amount.ok) return fail("validation_failed", { amount: amount.message });
      try {
        if (business.fundingModel === "issuing_balance")
          await simulateBankTransferIn(getStripe(), business, amount.amount);
        else
          await getStripe().testHelpers.treasury.receivedCredits.create(
            {
              financial_account: business.financialAccountId!,
              network: "ach",
              amount: amount.amount,
              currency: "usd",
              description: "Simulated ACH credit",
            },
            { stripeAccount: business.stripeAccountId },
          );
      } catch (err) {
        return stripeFailure(err, { refused: "The money could not be received" }).result;
      }
      return ok({ amount: amount.amount, currency });
    },
    audit: (_input, data) => ({ action: "sandbox.money_received", data }),
    revalidate: () => ["/dashboard", "/balance"],
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
