import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { cardSchedules } from "@/db/schema";
import { insertCardSchedule } from "@/db/queries/card-schedules";
import { issueCard } from "@/testing/issue-card";
import { deliveringSandbox, type DeliveringSandbox } from "@/testing/receivers";
import { seededBusinesses } from "@/testing/seeded-business";
import { cancelDueCards, issuingNow } from "./schedules";

// A card that ends on a date of our own is canceled by the job once the clock passes that date:
// the sandbox's clock, moved forward here, is the one the job reads in sandbox mode.
let app: DeliveringSandbox;

before(async () => {
  app = await deliveringSandbox("card_schedules", { env: { SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0" } });
  process.env.SANDBOX_URL = app.sandbox.url;
});

after(() => app.stop());

test("the scheduled job cancels a card once the sandbox clock passes its end date, and only then", async () => {
  const { db } = app.database;
  const [{ business, ownerId }] = await seededBusinesses(db, app.appStripe, ["US"]);
  const account = business.stripeAccountId!;
  const { card } = await issueCard(app.sandbox.stripe, account, "treasury");
  const { card: other } = await issueCard(app.sandbox.stripe, account, "treasury");
  const start = await issuingNow();
  const day = 86_400_000;
  await insertCardSchedule(db, {
    cardId: card,
    businessId: business.id,
    cancelAt: new Date(start.getTime() + 2 * day),
    createdBy: ownerId,
  });
  await insertCardSchedule(db, {
    cardId: other,
    businessId: business.id,
    cancelAt: new Date(start.getTime() + 10 * day),
  });

  assert.deepEqual(await cancelDueCards(db, app.appStripe, await issuingNow()), [], "nothing is due yet");
  const status = async (id: string) =>
    (await app.sandbox.stripe.issuing.cards.retrieve(id, {}, { stripeAccount: account })).status;
  assert.equal(await status(card), "active");

  await app.sandbox.control("/_sandbox/clock", { advance_seconds: 3 * 86_400 });
  const now = await issuingNow();
  assert.ok(now.getTime() >= start.getTime() + 3 * day - 1000, "the job's clock is the sandbox's");
  assert.deepEqual(await cancelDueCards(db, app.appStripe, now), [card]);
  assert.equal(await status(card), "canceled");
  assert.equal(await status(other), "active", "a card ending later is left alone");
  const [row] = await db.select().from(cardSchedules).where(eq(cardSchedules.cardId, card));
  assert.ok(row?.canceledAt, "the schedule is marked done");
  assert.deepEqual(await cancelDueCards(db, app.appStripe, now), [], "a second run cancels nothing again");
});
