import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { listCardholderCards } from "@/db/queries/cards";
import { memberships, users } from "@/db/schema";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seedDemoData } from "./seed";
import { DEMO_CARDHOLDER, seedDemoCardholder } from "./seed-cardholder";
import { seedDemoStripe } from "./seed-stripe";

const sandbox = sandboxForFile();

describeEachDatabase("the demo cardholder", (database) => {
  test("joins Acme as a cardholder with a virtual and a physical card, once", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    await seedDemoData(db);
    await seedDemoStripe(db, stripe, () => {});
    await seedDemoCardholder(db, stripe, () => {}); // a second run adds nothing
    const [user] = await db.select().from(users).where(eq(users.email, DEMO_CARDHOLDER.email));
    const joined = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
    assert.equal(joined.length, 1);
    assert.equal(joined[0]!.role, "cardholder");
    const holder = joined[0]!.cardholderId!;
    assert.match(holder, /^ich_/);
    const acme = await db.query.businesses.findFirst({ where: (b, { eq }) => eq(b.id, joined[0]!.businessId) });
    assert.equal(acme?.legalName, DEMO_CARDHOLDER.business);
    const cards = await listCardholderCards(db, { accountId: acme!.stripeAccountId!, cardholderId: holder });
    assert.deepEqual(cards.map((c) => `${c.type}:${c.status}`).sort(), ["physical:inactive", "virtual:active"]);
    const atStripe = await stripe.issuing.cards.list({ cardholder: holder }, { stripeAccount: acme!.stripeAccountId! });
    assert.equal(atStripe.data.length, 2);
  });
});
