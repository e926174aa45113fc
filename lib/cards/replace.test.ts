import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { cards, operations } from "@/db/schema";
import { issueCard } from "@/testing/issue-card";
import { quietly } from "@/testing/quietly";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { replaceCard, REPLACE_KIND } from "./replace";

const sandbox = sandboxForFile();

describeEachDatabase("replacing a card", (database) => {
  test("a lost card is canceled as lost and replaced once, by a card of the same holder with the same limits", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business, ownerId }] = await seededBusinesses(db, stripe, ["US"]);
    const acct = business.stripeAccountId!;
    const { card, cardholder, financialAccount } = await issueCard(stripe, acct, "treasury", { dailyLimit: 12_300 });
    const who = { business, userId: ownerId };
    const input = { clientToken: crypto.randomUUID(), card, reason: "lost" as const };

    const [first, second] = await Promise.all([
      replaceCard(db, stripe, who, input),
      replaceCard(db, stripe, who, input),
    ]);
    assert.ok(first.ok && second.ok, JSON.stringify([first, second]));
    assert.equal(first.data.newCardId, second.data.newCardId, "a double click replaces once");
    const all = await stripe.issuing.cards.list({ cardholder, limit: 10 }, { stripeAccount: acct });
    assert.equal(all.data.length, 2, "one new card, not two");

    const old = await stripe.issuing.cards.retrieve(card, {}, { stripeAccount: acct });
    assert.equal(old.status, "canceled");
    assert.equal(old.cancellation_reason, "lost");
    const made = await stripe.issuing.cards.retrieve(first.data.newCardId, {}, { stripeAccount: acct });
    assert.equal(made.replacement_for, card);
    assert.equal(made.replacement_reason, "lost");
    assert.equal(made.cardholder.id, cardholder);
    assert.equal(made.type, "virtual");
    assert.equal(made.status, "active");
    assert.equal(made.financial_account, financialAccount);
    assert.deepEqual(
      made.spending_controls.spending_limits?.map((l) => [l.amount, l.interval]),
      [[12_300, "daily"]],
    );
    // The read model knows both ends of the link at once (the pages read it).
    const [row] = await db.select().from(cards).where(eq(cards.id, made.id));
    assert.equal(row?.replacementFor, card);
    const [oldRow] = await db.select().from(cards).where(eq(cards.id, card));
    assert.equal(oldRow?.status, "canceled");
    assert.equal(oldRow?.cancellationReason, "lost");
  });

  test("a canceled card can't be replaced: a clear error next to the reason, and nothing changes", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business, ownerId }] = await seededBusinesses(db, stripe, ["US"]);
    const acct = business.stripeAccountId!;
    const { card, cardholder } = await issueCard(stripe, acct, "treasury");
    await stripe.issuing.cards.update(card, { status: "canceled" }, { stripeAccount: acct });
    const clientToken = crypto.randomUUID();
    const refused = await quietly(() =>
      replaceCard(db, stripe, { business, userId: ownerId }, { clientToken, card, reason: "damaged" }),
    );
    assert.equal(refused.ok, false);
    assert.match((!refused.ok && refused.error.fields?.reason) || "", /canceled, so it can't be replaced/);
    const all = await stripe.issuing.cards.list({ cardholder, limit: 10 }, { stripeAccount: acct });
    assert.equal(all.data.length, 1);
    const [op] = await db
      .select()
      .from(operations)
      .where(and(eq(operations.kind, REPLACE_KIND), eq(operations.businessId, business.id)));
    assert.equal(op?.status, "failed");
  });

  test("a cardholder can't replace another cardholder's card, nor anyone another business's", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business, ownerId }, { business: other }] = await seededBusinesses(db, stripe, ["US", "US"]);
    const { card } = await issueCard(stripe, business.stripeAccountId!, "treasury");
    const { cardholder: someoneElse } = await issueCard(stripe, business.stripeAccountId!, "treasury", {
      holder: { first: "Sam", last: "Else", email: "sam@example.test" },
    });
    const input = () => ({ clientToken: crypto.randomUUID(), card, reason: "stolen" as const });
    const asOther = await replaceCard(db, stripe, { business, userId: ownerId, onlyCardholder: someoneElse }, input());
    assert.equal(!asOther.ok && asOther.error.code, "not_found");
    const otherBusiness = await replaceCard(db, stripe, { business: other, userId: ownerId }, input());
    assert.equal(!otherBusiness.ok && otherBusiness.error.code, "not_found");
    const still = await stripe.issuing.cards.retrieve(card, {}, { stripeAccount: business.stripeAccountId! });
    assert.equal(still.status, "active");
  });
});
