import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import { recordAudit } from "@/db/queries/audit-log";
import { issueCard } from "@/testing/issue-card";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { makeUser } from "@/testing/team-fixtures";
import { freezeOwnCard, OWN_FROZEN, unfreezeOwnCard } from "./own-cards";

const sandbox = sandboxForFile();

describeEachDatabase("a cardholder's own cards", (database) => {
  test("they freeze their own card and unfreeze only what they froze; another cardholder's card looks missing", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business }] = await seededBusinesses(db, stripe, ["US"]);
    const acct = business.stripeAccountId!;
    const mine = await issueCard(stripe, acct, "treasury");
    const theirs = await issueCard(stripe, acct, "treasury", {
      holder: { first: "Tom", last: "Theirs", email: "tom@example.test" },
    });
    const user = await makeUser(db, "holder");
    const holder = { business, userId: user.id, cardholderId: mine.cardholder };
    const status = async (id: string) => (await stripe.issuing.cards.retrieve(id, {}, { stripeAccount: acct })).status;

    const other = await freezeOwnCard(db, stripe, holder, { card: theirs.card });
    assert.equal(!other.ok && other.error.code, "not_found");
    assert.equal(await status(theirs.card), "active");

    const frozen = await freezeOwnCard(db, stripe, holder, { card: mine.card });
    assert.ok(frozen.ok);
    assert.equal(await status(mine.card), "inactive");
    // The action wrapper records the freeze; the unfreeze rule reads it back.
    await recordAudit(db, { businessId: business.id, actorUserId: user.id, action: OWN_FROZEN, target: mine.card });
    const unfrozen = await unfreezeOwnCard(db, stripe, holder, { card: mine.card });
    assert.ok(unfrozen.ok);
    assert.equal(await status(mine.card), "active");

    // Frozen by the business (no freeze of theirs recorded last): it stays frozen.
    await stripe.issuing.cards.update(mine.card, { status: "inactive" }, { stripeAccount: acct });
    await recordAudit(db, {
      businessId: business.id,
      actorUserId: user.id,
      action: "card.unfrozen_by_cardholder",
      target: mine.card,
    });
    const refused = await unfreezeOwnCard(db, stripe, holder, { card: mine.card });
    assert.equal(!refused.ok && refused.error.code, "forbidden");
    assert.equal(await status(mine.card), "inactive");
  });
});
