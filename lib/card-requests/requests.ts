import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import {
  beingApproved,
  cancelPendingCardRequest,
  cardholderOnAccount,
  claimCardRequest,
  cardOfHolder,
  decideCardRequest,
  getCardRequest,
  insertCardRequest,
  releaseCardRequest,
} from "@/db/queries/card-requests";
import { membersWithRoles } from "@/db/queries/notifications";
import type { Business, CardRequest } from "@/db/schema";
import { LIMIT_INTERVALS, setSpendingLimit } from "@/lib/cards/limits";
import { orderPhysicalCard, serviceProblem, shippingSchema } from "@/lib/cards/physical";
import { createVirtualCard } from "@/lib/cards/virtual";
import { fail, fieldErrorsFromIssues, ok, type ActionResult } from "@/lib/errors";
import { cardCurrencyFor } from "@/lib/funding-model";
import { formatMoney, parseMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { loadRules } from "@/lib/rules/rules-store";

export const INTERVAL_LABELS: Record<(typeof LIMIT_INTERVALS)[number], string> = {
  per_authorization: "per purchase",
  daily: "per day",
  weekly: "per week",
  monthly: "per month",
  yearly: "per year",
  all_time: "in total",
};

export const requestSchema = z.object({
  kind: z.enum(["new_card", "limit_increase"], { error: "Choose a new card or a higher limit" }),
  purpose: z.string().trim().min(3, { error: "Say what the card is for (3 characters or more)" }).max(500),
  amount: z.string().trim().min(1, { error: "Enter the limit you need" }).max(30),
  interval: z.enum(LIMIT_INTERVALS, { error: "Choose how often the limit resets" }),
  /** A member names who carries the new card; a cardholder's own id comes from their membership. */
  cardholder: z
    .string()
    .regex(/^ich_[A-Za-z0-9_]{1,64}$/)
    .optional()
    .or(z.literal("")),
  card: z
    .string()
    .regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "Choose one of your cards" })
    .optional()
    .or(z.literal("")),
  /** A new card is virtual unless asked otherwise; a physical one needs the shipping fields below. */
  cardType: z.enum(["virtual", "physical"], { error: "Choose virtual or physical" }).default("virtual"),
  /** Checked with the physical-card order form's own schema, and only for a physical card. */
  name: z.string().max(300).optional(),
  line1: z.string().max(300).optional(),
  line2: z.string().max(300).optional(),
  city: z.string().max(300).optional(),
  state: z.string().max(300).optional(),
  postalCode: z.string().max(300).optional(),
  country: z.string().max(300).optional(),
  service: z.string().max(300).optional(),
});
/** Input: `cardType` may be left out (a virtual card). */
export type RequestInput = z.input<typeof requestSchema>;

/** Who asks: their user, and the Issuing cardholder their membership names (if any). */
export type Requester = { business: Business; userId: string; cardholderId?: string | null };

/**
 * A request for a new card (virtual, or physical shipped to the address the requester gives) or a
 * higher limit on one of the requester's own cards. Owners and admins are told at once.
 */
export async function createCardRequest(
  db: DbOrTx,
  who: Requester,
  input: RequestInput,
): Promise<ActionResult<CardRequest>> {
  const { business } = who;
  const accountId = business.stripeAccountId;
  if (!accountId) return fail("not_found", undefined, "This business can't issue cards yet");
  const currency = cardCurrencyFor(business.country);
  const money = parseMoney(input.amount, currency);
  if (!money.ok) return fail("validation_failed", { amount: money.message });
  let cardholderId: string | null = who.cardholderId ?? null;
  let cardId: string | null = null;
  const physical = input.kind === "new_card" && input.cardType === "physical";
  const shipping = physical ? shippingSchema.safeParse(input) : null;
  if (shipping && !shipping.success) return fail("validation_failed", fieldErrorsFromIssues(shipping.error.issues));
  const slow = shipping?.data ? serviceProblem(business, shipping.data.service) : null;
  if (slow) return fail("validation_failed", { service: slow });
  if (input.kind === "limit_increase") {
    const card =
      cardholderId && input.card ? await cardOfHolder(db, { accountId, cardholderId, cardId: input.card }) : undefined;
    // Another cardholder's card looks missing, as on /my-cards.
    if (!card || card.status === "canceled")
      return fail("not_found", { card: "Choose one of your cards" }, "That card wasn't found");
    cardId = card.id;
  } else {
    if (input.cardholder && input.cardholder !== cardholderId) {
      // Only someone who isn't a cardholder themselves names another person.
      if (who.cardholderId || !(await cardholderOnAccount(db, { accountId, cardholderId: input.cardholder })))
        return fail("not_found", { cardholder: "Choose who carries the card" }, "That cardholder wasn't found");
      cardholderId = input.cardholder;
    }
    if (!cardholderId) return fail("validation_failed", { cardholder: "Choose who carries the card" });
  }
  const request = await insertCardRequest(db, {
    businessId: business.id,
    requestedBy: who.userId,
    kind: input.kind,
    cardId,
    cardholderId,
    cardType: input.kind === "new_card" ? (input.cardType ?? "virtual") : null,
    shipping: shipping?.data ?? null,
    purpose: input.purpose,
    amount: money.amount,
    currency,
    interval: input.interval,
  });
  const deciders = await membersWithRoles(db, { businessId: business.id, roles: ["owner", "admin"] });
  const what =
    input.kind === "limit_increase" ? "A higher card limit" : physical ? "A new physical card" : "A new card";
  await notify(db, {
    userIds: deciders.map((d) => d.userId).filter((id) => id !== who.userId),
    businessId: business.id,
    kind: "card_request",
    title: `${what} is waiting for approval`,
    body: `${what} of ${describeLimit(request)} was requested: “${request.purpose}”. Approve or decline it on Requests.`,
    link: "/requests",
    dedupeKey: `card-request:${request.id}`,
    email: true,
  });
  return ok(request);
}

export const describeLimit = (r: Pick<CardRequest, "amount" | "currency" | "interval">) =>
  `${formatMoney(r.amount, r.currency)} ${INTERVAL_LABELS[r.interval as keyof typeof INTERVAL_LABELS] ?? r.interval}`;

/**
 * The authorization rules are the ceiling: a limit above the platform's or the business's maximum
 * per purchase is refused (not capped), so nobody is approved a limit they can't use as asked.
 */
export async function ceilingProblem(db: DbOrTx, business: Business, r: CardRequest): Promise<string | null> {
  const rules = await loadRules(db, business.stripeAccountId);
  for (const [whose, set] of [
    ["platform's", rules.platform],
    ["business's", rules.business],
  ] as const) {
    if (!set || set.maxAmount === null || set.currency.toLowerCase() !== r.currency.toLowerCase()) continue;
    if (r.amount > set.maxAmount)
      return `The requested limit of ${formatMoney(r.amount, r.currency)} is above the ${whose} maximum of ${formatMoney(set.maxAmount, set.currency)} per purchase. Decline it, or ${whose === "platform's" ? "ask the platform to raise its maximum" : "raise the maximum in your authorization rules"} first.`;
  }
  return null;
}

export const decideSchema = z.object({ request: z.string().uuid({ error: "That request could not be found" }) });
export const approveSchema = decideSchema.extend({
  /** A physical card's design, one of the account's active ones; left out, Stripe prints the default. */
  design: z
    .string()
    .regex(/^pd_[A-Za-z0-9_]{1,64}$/, { error: "Choose a card design" })
    .optional()
    .or(z.literal("")),
});
export const declineSchema = decideSchema.extend({
  reason: z.string().trim().min(3, { error: "Say why (3 characters or more)" }).max(500),
});

async function tellRequester(db: DbOrTx, r: CardRequest, title: string, body: string) {
  await notify(db, {
    userIds: [r.requestedBy],
    businessId: r.businessId,
    kind: "card_request_decided",
    title,
    body,
    link: "/my-cards",
    dedupeKey: `card-request-decided:${r.id}`,
    email: true,
  });
}

/**
 * Makes what the request asks for through the path the Cards page uses for the same thing (its
 * operation keyed by the request's id): the limit changed, a physical card ordered to the
 * requester's address, or a virtual card created.
 */
async function fulfil(
  db: DbOrTx,
  stripe: Stripe,
  { business, userId }: { business: Business; userId: string },
  r: CardRequest,
  today: Date,
  design: string | undefined,
): Promise<ActionResult<{ id: string; last4: string }>> {
  const limit = { amount: r.amount, interval: r.interval as (typeof LIMIT_INTERVALS)[number] };
  const controls = { spending_limits: [limit] };
  const cardholder = r.cardholderId ?? "";
  if (r.kind === "limit_increase")
    return setSpendingLimit(db, stripe, business, userId, { clientToken: r.id, card: r.cardId ?? "", ...limit });
  if (r.cardType !== "physical")
    return createVirtualCard(
      db,
      stripe,
      business,
      userId,
      { clientToken: r.id, cardholder, uses: "unlimited" },
      today,
      controls,
    );
  const s = r.shipping;
  if (!s) return fail("validation_failed", undefined, "This request has no shipping address: decline it and ask again");
  return orderPhysicalCard(
    db,
    stripe,
    business,
    userId,
    { ...s, line2: s.line2, state: s.state, clientToken: r.id, cardholder, design },
    controls,
  );
}

/**
 * Approves a pending request: the card is created with the requested limit, or the card's limit
 * changed. The request's id is the operation's form token, so a second click (or two deciders at
 * once) replays the same Stripe call and makes one card.
 */
export async function approveCardRequest(
  db: DbOrTx,
  stripe: Stripe,
  who: { business: Business; userId: string },
  input: { request: string; design?: string },
  today: Date,
): Promise<ActionResult<{ id: string; cardId: string }>> {
  const { business } = who;
  const r = await getCardRequest(db, { businessId: business.id, id: input.request });
  if (!r) return fail("not_found", undefined, "That request could not be found");
  if (r.requestedBy === who.userId) return fail("forbidden", undefined, "Someone else must approve your own request");
  if (r.status === "approved" && r.cardId) return ok({ id: r.id, cardId: r.cardId });
  if (r.status !== "pending") return fail("validation_failed", undefined, `This request was already ${r.status}`);
  const design = input.design || undefined;
  if (design && !(r.kind === "new_card" && r.cardType === "physical"))
    return fail("validation_failed", { design: "Only a physical card has a design" });
  const over = await ceilingProblem(db, business, r);
  if (over) return fail("validation_failed", undefined, over);
  // Claimed before the Stripe call, so a cancel or decline meanwhile can't leave a card made for a
  // request that says "canceled".
  if (!(await claimCardRequest(db, { businessId: business.id, id: r.id }))) {
    const now = await getCardRequest(db, { businessId: business.id, id: r.id });
    if (now?.status === "approved" && now.cardId) return ok({ id: r.id, cardId: now.cardId });
    return settledMeanwhile(now);
  }
  const done = await fulfil(db, stripe, who, r, today, design);
  if (!done.ok) {
    // Refused by Stripe or by our checks: nothing was made, the request is free again. When Stripe
    // couldn't be reached (or we failed after asking), the card may exist: the claim stays until a
    // retry (same operation, same card) or until it expires.
    if (done.error.code !== "stripe_unavailable" && done.error.code !== "internal")
      await releaseCardRequest(db, { businessId: business.id, id: r.id });
    return done;
  }
  const decided = await decideCardRequest(db, {
    businessId: business.id,
    id: r.id,
    status: "approved",
    decidedBy: who.userId,
    cardId: done.data.id,
  });
  if (decided)
    await tellRequester(
      db,
      decided,
      r.kind === "new_card" ? "Your card request was approved" : "Your higher limit was approved",
      r.kind === "limit_increase"
        ? `Card •••• ${done.data.last4} now has a limit of ${describeLimit(r)}.`
        : r.cardType === "physical"
          ? `Your physical card •••• ${done.data.last4} was ordered, with a limit of ${describeLimit(r)}. It ships to ${r.shipping?.city ?? "the address you gave"} and arrives inactive: activate it once it is delivered.`
          : `Your new card •••• ${done.data.last4} is ready, with a limit of ${describeLimit(r)}.`,
    );
  return ok({ id: r.id, cardId: done.data.id });
}

export async function declineCardRequest(
  db: DbOrTx,
  who: { business: Business; userId: string },
  input: { request: string; reason: string },
): Promise<ActionResult<{ id: string }>> {
  const r = await getCardRequest(db, { businessId: who.business.id, id: input.request });
  if (!r) return fail("not_found", undefined, "That request could not be found");
  if (r.requestedBy === who.userId) return fail("forbidden", undefined, "Someone else must decide your own request");
  const decided = await decideCardRequest(db, {
    businessId: who.business.id,
    id: r.id,
    status: "declined",
    decidedBy: who.userId,
    declineReason: input.reason,
  });
  if (!decided) return settledMeanwhile(await getCardRequest(db, { businessId: who.business.id, id: r.id }));
  await tellRequester(db, decided, "Your card request was declined", `Declined: ${input.reason}`);
  return ok({ id: r.id });
}

/**
 * The requester withdraws their own pending request (it can't be approved afterwards). Anyone
 * else's request looks missing, as another business's does.
 */
export async function cancelCardRequest(
  db: DbOrTx,
  who: { business: Business; userId: string },
  input: { request: string },
): Promise<ActionResult<{ id: string }>> {
  const r = await getCardRequest(db, { businessId: who.business.id, id: input.request });
  if (!r || r.requestedBy !== who.userId) return fail("not_found", undefined, "That request could not be found");
  const canceled = await cancelPendingCardRequest(db, {
    businessId: who.business.id,
    id: r.id,
    requestedBy: who.userId,
  });
  if (!canceled) return settledMeanwhile(await getCardRequest(db, { businessId: who.business.id, id: r.id }));
  return ok({ id: r.id });
}

/** Why a request couldn't be moved, read as it is now: being approved right now, or decided already. */
function settledMeanwhile(now: CardRequest | undefined): ActionResult<never> {
  if (now && beingApproved(now))
    return fail("validation_failed", undefined, "This request is being approved right now: try again in a moment");
  return fail("validation_failed", undefined, `This request was already ${now?.status ?? "removed"}`);
}
