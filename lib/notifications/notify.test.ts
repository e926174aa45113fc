import { test } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { businesses, memberships, notifications, outbox } from "@/db/schema";
import {
  countUnread,
  emailAlertsOff,
  listNotifications,
  markAllRead,
  markRead,
  saveEmailAlertsOff,
  saveLowBalanceThreshold,
} from "@/db/queries/notifications";
import { applySnapshotEvent } from "@/lib/events/apply";
import { applyThinEvent } from "@/lib/events/apply-v2";
import { addMember, makeBusiness } from "@/testing/team-fixtures";
import { notify } from "./notify";

let seq = 0;
const event = (account: string | null, object: Record<string, unknown>, type = "x.updated"): Stripe.Event =>
  ({
    id: `evt_n${++seq}`,
    object: "event",
    type,
    account: account ?? undefined,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  }) as unknown as Stripe.Event;

async function setup(db: Parameters<typeof makeBusiness>[0]) {
  const { business, owner } = await makeBusiness(db, `Alerts ${++seq}`);
  const acct = `acct_alerts${seq}`;
  await db
    .update(businesses)
    .set({ stripeAccountId: acct, financialAccountId: `fa_alerts${seq}` })
    .where(eq(businesses.id, business.id));
  const holder = await addMember(db, business.id, "cardholder", "holder");
  await db
    .update(memberships)
    .set({ cardholderId: `ich_alerts${seq}` })
    .where(eq(memberships.id, holder.membership.id));
  return { business, owner, holder: holder.user, acct, fa: `fa_alerts${seq}`, ich: `ich_alerts${seq}` };
}

const outboxTo = async (db: Parameters<typeof makeBusiness>[0], to: string) =>
  (await db.select().from(outbox).where(eq(outbox.to, to))).filter((r) => r.kind.startsWith("notify."));

describeEachDatabase("notifications", (database) => {
  test("notify inserts once per user and dedupe key, and emails only the rows it inserted", async () => {
    const { db } = database();
    const { business, owner } = await setup(db);
    const n = {
      userIds: [owner.id],
      businessId: business.id,
      kind: "low_balance" as const,
      title: "T",
      body: "B",
      dedupeKey: "k1",
      email: true,
    };
    assert.deepEqual(await notify(db, n, { smtpUrl: null }), [owner.id]);
    assert.deepEqual(await notify(db, n, { smtpUrl: null }), []);
    assert.equal((await outboxTo(db, owner.email)).length, 1);
    assert.equal(await countUnread(db, { userId: owner.id }), 1);
  });

  test("a declined purchase alerts its holder (email) and the owners, once, even when the event is applied twice", async () => {
    const { db } = database();
    const { owner, holder, acct, ich } = await setup(db);
    const auth = {
      id: `iauth_decl${seq}`,
      object: "issuing.authorization",
      approved: false,
      amount: 0,
      pending_request: null,
      currency: "usd",
      merchant_amount: 0,
      merchant_currency: "usd",
      card: { id: "ic_decl", cardholder: ich, object: "issuing.card" },
      cardholder: ich,
      status: "closed",
      merchant_data: { name: "Blue Bottle", category: "eating_places_restaurants", country: "US" },
      request_history: [{ amount: 99900, merchant_amount: 99900, reason: "spending_controls", approved: false }],
      verification_data: null,
      created: Math.floor(Date.now() / 1000),
    };
    const e = event(acct, auth, "issuing_authorization.created");
    await applySnapshotEvent(db, e);
    await applySnapshotEvent(db, e);
    const mine = await listNotifications(db, { userId: holder.id, limit: 10, offset: 0 });
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.kind, "purchase_declined");
    assert.match(mine[0]!.title, /\$999\.00 at Blue Bottle/);
    assert.match(mine[0]!.body, /spending limit/i);
    assert.equal((await outboxTo(db, holder.email)).length, 1);
    assert.equal((await listNotifications(db, { userId: owner.id, limit: 10, offset: 0 })).length, 1);
    assert.equal((await outboxTo(db, owner.email)).length, 0, "the holder signs in, so only they get the email");
  });

  test("who switched declined-purchase emails off gets the alert in the app but no email; the others still get theirs", async () => {
    const { db } = database();
    const { business, owner, holder } = await setup(db);
    const other = (await addMember(db, business.id, "cardholder", "other-holder")).user;
    await saveEmailAlertsOff(db, { userId: holder.id, off: ["purchase_declined"] });
    assert.deepEqual(await emailAlertsOff(db, { userId: holder.id }), ["purchase_declined"]);
    assert.deepEqual(await emailAlertsOff(db, { userId: other.id }), [], "a new user gets every email");
    const declined = {
      userIds: [holder.id, other.id, owner.id],
      businessId: business.id,
      kind: "purchase_declined" as const,
      title: "Purchase declined",
      body: "B",
      dedupeKey: `off-decline:${seq}`,
      email: true,
    };
    assert.equal((await notify(db, declined, { smtpUrl: null })).length, 3);
    for (const u of [holder, other, owner])
      assert.equal((await listNotifications(db, { userId: u.id, limit: 10, offset: 0 })).length, 1, u.name);
    assert.equal((await outboxTo(db, holder.email)).length, 0);
    assert.deepEqual(
      (await outboxTo(db, other.email)).map((r) => r.businessId),
      [business.id],
      "an alert's email names its business (its outbox panel lists it)",
    );
    assert.equal((await outboxTo(db, owner.email)).length, 1);
    // Only that kind is off: a shipped card still reaches the holder by email.
    await notify(db, { ...declined, kind: "card_shipping", dedupeKey: `off-ship:${seq}` }, { smtpUrl: null });
    assert.deepEqual(
      (await outboxTo(db, holder.email)).map((r) => r.kind),
      ["notify.card_shipping"],
    );
  });

  test("a card's shipping statuses alert holder and owners once each", async () => {
    const { db } = database();
    const { owner, holder, acct, ich } = await setup(db);
    const cardId = `ic_ship${seq}`;
    const card = (status: string) => ({
      id: cardId,
      object: "issuing.card",
      cardholder: ich,
      type: "physical",
      status: "inactive",
      brand: "Visa",
      last4: "4242",
      exp_month: 1,
      exp_year: 2030,
      currency: "usd",
      spending_controls: {},
      shipping: { status },
      created: Math.floor(Date.now() / 1000),
    });
    await applySnapshotEvent(db, event(acct, card("shipped")));
    await applySnapshotEvent(db, event(acct, card("shipped")));
    await applySnapshotEvent(db, event(acct, card("delivered")));
    for (const u of [holder, owner]) {
      const rows = await listNotifications(db, { userId: u.id, limit: 10, offset: 0 });
      assert.deepEqual(rows.map((r) => r.title).sort(), ["Card •••• 4242 has shipped", "Card •••• 4242 was delivered"]);
    }
  });

  test("requirements due and a failed payout alert owners once", async () => {
    const { db } = database();
    const { owner, acct } = await setup(db);
    const account = { id: acct, object: "account", requirements: { currently_due: ["company.tax_id"] }, created: 1 };
    await applySnapshotEvent(db, event(null, account, "account.updated"));
    await applySnapshotEvent(db, event(null, account, "account.updated"));
    const payout = { id: "po_fail1", object: "payout", amount: 5000, currency: "usd", status: "failed", created: 1 };
    await applySnapshotEvent(db, event(acct, payout, "payout.failed"));
    await applySnapshotEvent(db, event(acct, payout, "payout.failed"));
    const kinds = (await listNotifications(db, { userId: owner.id, limit: 10, offset: 0 })).map((r) => r.kind).sort();
    assert.deepEqual(kinds, ["payout_failed", "requirements_due"]);
    assert.equal((await outboxTo(db, owner.email)).length, 2);
  });

  test("a v2 account's requirements due now alert owners once per set of due items, not members or later items", async () => {
    const { db } = database();
    const { owner, holder, acct } = await setup(db);
    const entry = (description: string, status: string, from = "user") => ({
      description,
      awaiting_action_from: from,
      minimum_deadline: { status },
    });
    const account = (entries: unknown[]) => ({
      id: acct,
      object: "v2.core.account",
      created: "2026-01-01T00:00:00.000Z",
      identity: { country: "mx" },
      requirements: {
        entries,
        summary: { minimum_deadline: { status: "past_due", time: "2026-12-31T00:00:00.000Z" } },
      },
    });
    const note = {
      id: `evt_v2acct${seq}`,
      type: "v2.core.account[requirements].updated",
      created: new Date().toISOString(),
      related_object: { id: acct, type: "v2.core.account", url: `/v2/core/accounts/${acct}` },
    } as unknown as Stripe.V2.Core.EventNotification;
    const due = account([
      entry("identity.business_details.id_numbers", "currently_due"),
      entry("representative.address", "past_due"),
      entry("identity.attestations.terms_of_service", "eventually_due"),
      entry("identity.business_details.documents", "currently_due", "stripe"),
    ]);
    await applyThinEvent(db, note, { related: due, financialAccount: null });
    await applyThinEvent(db, note, { related: due, financialAccount: null }); // redelivered
    let rows = await listNotifications(db, { userId: owner.id, limit: 10, offset: 0 });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.kind, "requirements_due");
    assert.match(rows[0]!.body, /2 more details by 2026-12-31/);
    assert.match(rows[0]!.body, /identity\.business_details\.id_numbers, representative\.address\./);
    assert.equal((await outboxTo(db, owner.email)).length, 1);
    assert.equal((await listNotifications(db, { userId: holder.id, limit: 10, offset: 0 })).length, 0);
    // Stripe's own review and nothing due now say nothing; a new set of due items alerts again.
    await applyThinEvent(db, note, {
      related: account([entry("x", "currently_due", "stripe")]),
      financialAccount: null,
    });
    await applyThinEvent(db, note, {
      related: account([entry("representative.address", "past_due")]),
      financialAccount: null,
    });
    rows = await listNotifications(db, { userId: owner.id, limit: 10, offset: 0 });
    assert.equal(rows.length, 2);
  });

  test("low balance alerts owners once per crossing below the threshold", async () => {
    const { db } = database();
    const { business, owner, acct, fa } = await setup(db);
    await saveLowBalanceThreshold(db, { businessId: business.id, threshold: 10_000, userId: owner.id });
    let t = Math.floor(Date.now() / 1000);
    const faEvent = (available: number) =>
      ({
        ...event(acct, {
          id: fa,
          object: "treasury.financial_account",
          status: "open",
          created: 1,
          balance: { cash: { usd: available }, inbound_pending: {}, outbound_pending: {} },
        }),
        created: ++t,
      }) as Stripe.Event;
    await applySnapshotEvent(db, faEvent(50_000));
    await applySnapshotEvent(db, faEvent(9_000)); // crosses
    await applySnapshotEvent(db, faEvent(8_000)); // still low
    await applySnapshotEvent(db, faEvent(20_000)); // back above
    await applySnapshotEvent(db, faEvent(5_000)); // crosses again
    const rows = await listNotifications(db, { userId: owner.id, limit: 10, offset: 0 });
    assert.equal(rows.filter((r) => r.kind === "low_balance").length, 2);
  });

  test("marking read touches only the user's own notifications", async () => {
    const { db } = database();
    const { business, owner, holder } = await setup(db);
    await notify(db, {
      userIds: [owner.id, holder.id],
      businessId: business.id,
      kind: "low_balance",
      title: "T",
      body: "B",
      dedupeKey: "mr",
    });
    const [theirs] = await listNotifications(db, { userId: holder.id, limit: 1, offset: 0 });
    assert.equal(await markRead(db, { userId: owner.id, id: theirs!.id }), false);
    assert.equal(await countUnread(db, { userId: holder.id }), 1);
    assert.equal(await markRead(db, { userId: holder.id, id: theirs!.id }), true);
    assert.equal(await countUnread(db, { userId: holder.id }), 0);
    assert.ok((await markAllRead(db, { userId: owner.id })) >= 1);
    assert.equal(await countUnread(db, { userId: owner.id }), 0);
    assert.ok((await db.select().from(notifications)).length >= 2);
  });
});
