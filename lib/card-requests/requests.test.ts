import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { getCardRequest } from "@/db/queries/card-requests";
import { listNotifications } from "@/db/queries/notifications";
import { memberships } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { applyCard } from "@/lib/events/read-models";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { saveBusinessRules } from "@/lib/rules/rules-store";
import { issueCard } from "@/testing/issue-card";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { actorOf, addMember, makeBusiness } from "@/testing/team-fixtures";
import { cardRequestActions } from "./actions";
import type { Business } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";
import {
  approveCardRequest,
  cancelCardRequest,
  createCardRequest,
  declineCardRequest,
  type RequestInput,
} from "./requests";

const sandbox = sandboxForFile();
const today = new Date();

/** `stripe`, with the creation of a card going through `around` (which may act before, or fail it). */
function aroundCardCreate(
  stripe: Stripe,
  around: (create: () => Promise<Stripe.Issuing.Card>) => Promise<Stripe.Issuing.Card>,
): Stripe {
  const cards = Object.create(stripe.issuing.cards) as Stripe["issuing"]["cards"];
  cards.create = ((...args: Parameters<Stripe["issuing"]["cards"]["create"]>) =>
    around(() => stripe.issuing.cards.create(...args))) as Stripe["issuing"]["cards"]["create"];
  const issuing = Object.create(stripe.issuing) as Stripe["issuing"];
  issuing.cards = cards;
  const wrapped = Object.create(stripe) as Stripe;
  wrapped.issuing = issuing;
  return wrapped;
}

describeEachDatabase("card requests", (database) => {
  async function setup() {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business, ownerId }] = await seededBusinesses(db, stripe, ["US"]);
    const acct = business.stripeAccountId!;
    const issued = await issueCard(stripe, acct, "treasury", {
      holder: { first: "Rita", last: "Requester", email: `rita-${Date.now()}@example.test` },
    });
    await applyCard(
      db,
      acct,
      await stripe.issuing.cards.retrieve(issued.card, {}, { stripeAccount: acct }),
      new Date(),
    );
    const { user, membership } = await addMember(db, business.id, "cardholder", "rita");
    await db.update(memberships).set({ cardholderId: issued.cardholder }).where(eq(memberships.id, membership.id));
    const who = { business, userId: user.id, cardholderId: issued.cardholder };
    const owner = { business, userId: ownerId };
    /** The cardholder asks (a new card unless told otherwise); the request must be made. */
    const ask = async (input: Omit<RequestInput, "kind"> & Partial<Pick<RequestInput, "kind">>) => {
      const made = await createCardRequest(db, who, { kind: "new_card", ...input });
      assert.ok(made.ok, JSON.stringify(made));
      return made.data;
    };
    /** A decider (the owner unless told otherwise) approves it. */
    const approve = (request: string, by: { business: Business; userId: string } = owner) =>
      approveCardRequest(db, stripe, by, { request }, today);
    return { db, stripe, business, acct, issued, who, owner, ownerId, requester: user, ask, approve };
  }

  test("a new-card request approved twice makes one card with the requested limit; owners are told, then the requester", async () => {
    const { db, stripe, acct, issued, owner, ownerId, requester, ask, approve } = await setup();
    const made = await ask({ purpose: "Team lunches", amount: "250.50", interval: "monthly" });
    const waiting = await listNotifications(db, { userId: ownerId, limit: 10, offset: 0 });
    assert.ok(waiting.some((n) => n.kind === "card_request" && n.link === "/requests"));
    const before = (await stripe.issuing.cards.list({ cardholder: issued.cardholder }, { stripeAccount: acct })).data;
    const [a, b] = await Promise.all([approve(made.id), approve(made.id)]);
    const again = await approve(made.id);
    assert.ok(a.ok && b.ok && again.ok, JSON.stringify([a, b, again]));
    assert.equal(a.data.cardId, b.data.cardId);
    assert.equal(a.data.cardId, again.data.cardId);
    const after = (await stripe.issuing.cards.list({ cardholder: issued.cardholder }, { stripeAccount: acct })).data;
    assert.equal(after.length, before.length + 1);
    const card = await stripe.issuing.cards.retrieve(a.data.cardId, {}, { stripeAccount: acct });
    assert.deepEqual(
      card.spending_controls.spending_limits?.map((l) => [l.amount, l.interval]),
      [[25050, "monthly"]],
    );
    const stored = await getCardRequest(db, { businessId: owner.business.id, id: made.id });
    assert.equal(stored?.status, "approved");
    assert.equal(stored?.cardId, a.data.cardId);
    const told = await listNotifications(db, { userId: requester.id, limit: 10, offset: 0 });
    assert.equal(told.filter((n) => n.kind === "card_request_decided").length, 1);
  });

  test("a physical card request needs a valid shipping address; approval orders a physical card shipped there with the limit", async () => {
    const { db, stripe, acct, issued, who, requester, ask, approve } = await setup();
    const physical = { purpose: "Site visits", amount: "300", interval: "monthly", cardType: "physical" } as const;
    const missing = await createCardRequest(db, who, { kind: "new_card", ...physical, name: "Rita Requester" });
    assert.ok(!missing.ok);
    assert.equal(missing.error.fields?.line1, "Enter the street address");
    assert.equal(missing.error.fields?.service, "Choose a shipping speed");
    const address = {
      name: "Rita Requester",
      line1: "1 Main St",
      city: "Springfield",
      state: "IL",
      postalCode: "62701",
      country: "us",
      service: "express",
    };
    const made = await ask({ ...physical, ...address });
    assert.equal(made.cardType, "physical");
    assert.deepEqual(made.shipping, { ...address, country: "US" });
    const approved = await approve(made.id);
    assert.ok(approved.ok, JSON.stringify(approved));
    const card = await stripe.issuing.cards.retrieve(approved.data.cardId, {}, { stripeAccount: acct });
    assert.equal(card.type, "physical");
    assert.equal(card.status, "inactive");
    assert.equal(card.cardholder.id, issued.cardholder);
    assert.deepEqual(
      [card.shipping?.address.line1, card.shipping?.address.postal_code, card.shipping?.service],
      ["1 Main St", "62701", "express"],
    );
    assert.deepEqual(
      card.spending_controls.spending_limits?.map((l) => [l.amount, l.interval]),
      [[30000, "monthly"]],
    );
    const told = await listNotifications(db, { userId: requester.id, limit: 10, offset: 0 });
    assert.match(told[0]!.body, /physical card •••• \d{4} was ordered/);
  });

  test("the approver picks a physical card's design; a design on a virtual card's request is refused", async () => {
    const { db, stripe, acct, owner, ask } = await setup();
    const opts = { stripeAccount: acct };
    const bundle = (await stripe.issuing.physicalBundles.list({ type: "custom" }, opts)).data[0]!;
    const design = await stripe.issuing.personalizationDesigns.create(
      { physical_bundle: bundle.id, name: "Field team", lookup_key: `field-${Date.now()}` },
      opts,
    );
    await stripe.testHelpers.issuing.personalizationDesigns.activate(design.id, {}, opts);
    const address = { name: "Rita Requester", line1: "1 Main St", city: "Springfield", state: "IL" };
    const made = await ask({
      purpose: "Site visits",
      amount: "300",
      interval: "monthly",
      cardType: "physical",
      ...address,
      postalCode: "62701",
      country: "US",
      service: "express",
    });
    const approved = await approveCardRequest(db, stripe, owner, { request: made.id, design: design.id }, today);
    assert.ok(approved.ok, JSON.stringify(approved));
    const card = await stripe.issuing.cards.retrieve(approved.data.cardId, {}, opts);
    assert.equal(card.personalization_design, design.id);

    const virtual = await ask({ purpose: "Software", amount: "50", interval: "monthly" });
    const refused = await approveCardRequest(db, stripe, owner, { request: virtual.id, design: design.id }, today);
    assert.equal(!refused.ok && refused.error.fields?.design, "Only a physical card has a design");
    assert.equal((await getCardRequest(db, { businessId: owner.business.id, id: virtual.id }))?.status, "pending");
  });

  test("a decline keeps its reason, and a decided request can't be approved", async () => {
    const { db, owner, requester, ask, approve } = await setup();
    const made = await ask({ purpose: "Conference travel", amount: "900", interval: "weekly" });
    const declined = await declineCardRequest(db, owner, { request: made.id, reason: "Use the travel card" });
    assert.ok(declined.ok);
    const stored = await getCardRequest(db, { businessId: owner.business.id, id: made.id });
    assert.equal(stored?.status, "declined");
    assert.equal(stored?.declineReason, "Use the travel card");
    const later = await approve(made.id);
    assert.equal(!later.ok && later.error.message, "This request was already declined");
    const told = await listNotifications(db, { userId: requester.id, limit: 10, offset: 0 });
    assert.match(told[0]!.body, /Use the travel card/);
  });

  test("a requester cancels their own pending request, nobody else can, and a canceled request can't be approved", async () => {
    const { db, business, who, owner, ask, approve } = await setup();
    const made = await ask({ purpose: "Trade show", amount: "120", interval: "weekly" });
    const request = { request: made.id };
    const other = await addMember(db, business.id, "cardholder", "otto");
    const stranger = await cancelCardRequest(db, { business, userId: other.user.id }, request);
    assert.equal(!stranger.ok && stranger.error.code, "not_found");
    const byOwner = await cancelCardRequest(db, owner, request);
    assert.equal(!byOwner.ok && byOwner.error.code, "not_found");
    const asOwner = await executeAction(
      db,
      actorOf(owner.userId, business, "owner"),
      cardRequestActions.cancel,
      request,
    );
    assert.equal(!asOwner.ok && asOwner.error.code, "forbidden");
    assert.equal((await getCardRequest(db, { businessId: business.id, id: made.id }))?.status, "pending");
    const canceled = await cancelCardRequest(db, who, request);
    assert.ok(canceled.ok);
    assert.equal((await getCardRequest(db, { businessId: business.id, id: made.id }))?.status, "canceled");
    const again = await cancelCardRequest(db, who, request);
    assert.equal(!again.ok && again.error.message, "This request was already canceled");
    const approved = await approve(made.id);
    assert.equal(!approved.ok && approved.error.message, "This request was already canceled");
    const declined = await declineCardRequest(db, owner, { ...request, reason: "Too late" });
    assert.equal(!declined.ok && declined.error.message, "This request was already canceled");
  });

  test("a limit increase changes the card's spending limit (others kept); only the holder's own cards", async () => {
    const { db, stripe, acct, issued, who, ask, approve } = await setup();
    await stripe.issuing.cards.update(
      issued.card,
      {
        spending_controls: {
          spending_limits: [
            { amount: 10_000, interval: "daily" },
            { amount: 2_000, interval: "per_authorization" },
          ],
        },
      },
      { stripeAccount: acct },
    );
    const stranger = await createCardRequest(
      db,
      { ...who, cardholderId: "ich_notmine" },
      {
        kind: "limit_increase",
        purpose: "More",
        amount: "500",
        interval: "daily",
        card: issued.card,
      },
    );
    assert.equal(!stranger.ok && stranger.error.code, "not_found");
    const made = await ask({
      kind: "limit_increase",
      purpose: "Client dinner this week",
      amount: "500",
      interval: "daily",
      card: issued.card,
    });
    const approved = await approve(made.id);
    assert.ok(approved.ok, JSON.stringify(approved));
    assert.equal(approved.data.cardId, issued.card);
    const card = await stripe.issuing.cards.retrieve(issued.card, {}, { stripeAccount: acct });
    assert.deepEqual(
      card.spending_controls.spending_limits?.map((l) => [l.amount, l.interval]).sort(),
      [
        [2_000, "per_authorization"],
        [50_000, "daily"],
      ].sort(),
    );
  });

  test("the business's maximum is the ceiling: approval is refused and the request stays pending", async () => {
    const { db, owner, ownerId, ask, approve } = await setup();
    const saved = await saveBusinessRules(db, owner.business.id, { ...EMPTY_RULES, maxAmount: 100_00 }, ownerId);
    assert.ok(saved.ok);
    const made = await ask({ purpose: "Laptop", amount: "2000", interval: "per_authorization" });
    const refused = await approve(made.id);
    assert.ok(!refused.ok);
    assert.match(refused.error.message, /above the business's maximum of \$100\.00/);
    assert.equal((await getCardRequest(db, { businessId: owner.business.id, id: made.id }))?.status, "pending");
    await saveBusinessRules(db, owner.business.id, EMPTY_RULES, ownerId);
  });

  test("a cardholder can't approve (no cards.manage), nor anyone their own request; another business's request looks missing", async () => {
    const { db, business, requester, ask, approve } = await setup();
    const made = await ask({ purpose: "Fuel", amount: "80", interval: "weekly" });
    const asHolder = await executeAction(
      db,
      { ...actorOf(requester.id, business, "cardholder") },
      cardRequestActions.approve,
      { request: made.id },
    );
    assert.equal(!asHolder.ok && asHolder.error.code, "forbidden");
    const self = await approve(made.id, { business, userId: requester.id });
    assert.equal(!self.ok && self.error.code, "forbidden");
    const admin = await addMember(db, business.id, "admin", "adm");
    const other = await makeBusiness(db, "Elsewhere Ltd");
    const elsewhere = await approve(made.id, { business: other.business, userId: admin.user.id });
    assert.equal(!elsewhere.ok && elsewhere.error.code, "not_found");
  });

  test("a cancel or a decline while the approval's Stripe call is under way is refused; the request ends approved, with its card", async () => {
    const { db, stripe, acct, issued, who, owner, ask } = await setup();
    const made = await ask({ purpose: "Conference travel", amount: "100", interval: "monthly" });
    const meanwhile: ActionResult<unknown>[] = [];
    const slow = aroundCardCreate(stripe, async (create) => {
      meanwhile.push(await cancelCardRequest(db, who, { request: made.id }));
      meanwhile.push(await declineCardRequest(db, owner, { request: made.id, reason: "Not this quarter" }));
      return create();
    });
    const approved = await approveCardRequest(db, slow, owner, { request: made.id }, today);
    assert.ok(approved.ok, JSON.stringify(approved));
    assert.equal(meanwhile.length, 2);
    for (const m of meanwhile) {
      assert.ok(!m.ok);
      assert.match(m.error.message, /being approved right now/);
    }
    const stored = await getCardRequest(db, { businessId: owner.business.id, id: made.id });
    assert.equal(stored?.status, "approved");
    assert.equal(stored?.cardId, approved.data.cardId);
    assert.equal(stored?.approvingSince, null);
    const card = await stripe.issuing.cards.retrieve(approved.data.cardId, {}, { stripeAccount: acct });
    assert.equal(typeof card.cardholder === "string" ? card.cardholder : card.cardholder.id, issued.cardholder);
  });

  test("an approval Stripe refuses frees the request (the requester may cancel); one Stripe can't answer keeps it until retried", async () => {
    const { db, stripe, acct, issued, who, owner, ask } = await setup();
    const cardsNow = async () =>
      (await stripe.issuing.cards.list({ cardholder: issued.cardholder, limit: 100 }, { stripeAccount: acct })).data
        .length;
    const refusing = aroundCardCreate(stripe, () =>
      Promise.reject(
        new Stripe.errors.StripeInvalidRequestError({
          message: "Invalid cardholder",
          type: "invalid_request_error",
          statusCode: 400,
        }),
      ),
    );
    const first = await ask({ purpose: "Books", amount: "40", interval: "monthly" });
    const refused = await approveCardRequest(db, refusing, owner, { request: first.id }, today);
    assert.ok(!refused.ok);
    assert.ok(
      (await cancelCardRequest(db, who, { request: first.id })).ok,
      "nothing was made: the requester may cancel",
    );

    const before = await cardsNow();
    const second = await ask({ purpose: "Software", amount: "60", interval: "monthly" });
    const unreachable = aroundCardCreate(stripe, async (create) => {
      await create(); // Stripe made the card, but its answer never came back
      throw new Stripe.errors.StripeConnectionError({ message: "socket hang up", type: "api_error" });
    });
    const unknown = await approveCardRequest(db, unreachable, owner, { request: second.id }, today);
    assert.equal(!unknown.ok && unknown.error.code, "stripe_unavailable");
    const held = await cancelCardRequest(db, who, { request: second.id });
    assert.ok(!held.ok);
    assert.match(held.error.message, /being approved right now/);
    const retried = await approveCardRequest(db, stripe, owner, { request: second.id }, today);
    assert.ok(retried.ok, JSON.stringify(retried));
    assert.equal(await cardsNow(), before + 1, "the retry found the card Stripe had made: one card");
    assert.equal((await getCardRequest(db, { businessId: owner.business.id, id: second.id }))?.status, "approved");
  });
});
