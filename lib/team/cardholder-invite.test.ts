import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { businessInvites, memberships } from "@/db/schema";
import { issueCard } from "@/testing/issue-card";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { makeUser } from "@/testing/team-fixtures";
import { acceptInvite } from "./accept";
import { inviteCardholder, type CardholderInviteInput } from "./cardholder-invite";

const sandbox = sandboxForFile();

const NEW: Omit<CardholderInviteInput, "clientToken" | "email"> = {
  cardholder: "new",
  firstName: "Cara",
  lastName: "Holder",
  phone: "+14155550123",
  line1: "1 Market St",
  line2: "",
  city: "San Francisco",
  state: "CA",
  postalCode: "94105",
  terms: "on",
};

describeEachDatabase("inviting a cardholder", (database) => {
  test("a new cardholder is created once at Stripe, and accepting makes a cardholder membership linked to it", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business, ownerId }] = await seededBusinesses(db, stripe, ["US"]);
    const invitee = await makeUser(db, "cara");
    const who = { business, userId: ownerId, ip: "127.0.0.1", userAgent: "test" };
    const input = { ...NEW, clientToken: crypto.randomUUID(), email: invitee.email };

    const missing = await inviteCardholder(db, stripe, who, { ...input, postalCode: "", terms: undefined });
    assert.equal(missing.ok, false);
    assert.deepEqual(!missing.ok && missing.error.fields, {
      postalCode: "Enter the postal code",
      terms: "The cardholder must accept the card program's terms",
    });
    const none = await stripe.issuing.cardholders.list(
      { email: invitee.email },
      { stripeAccount: business.stripeAccountId! },
    );
    assert.equal(none.data.length, 0, "bad input creates nothing");

    const invited = await inviteCardholder(db, stripe, who, input);
    assert.ok(invited.ok, JSON.stringify(invited));
    const holder = await stripe.issuing.cardholders.retrieve(
      invited.data.cardholderId,
      {},
      {
        stripeAccount: business.stripeAccountId!,
      },
    );
    assert.equal(holder.name, "Cara Holder");
    assert.equal(holder.billing.address.postal_code, "94105");
    assert.deepEqual(holder.requirements.past_due, [], "the cardholder can be given active cards");

    const [row] = await db.select().from(businessInvites).where(eq(businessInvites.id, invited.data.inviteId));
    assert.equal(row?.role, "cardholder");
    assert.equal(row?.cardholderId, holder.id);

    const accepted = await acceptInvite(db, { token: invited.data.token, user: invitee });
    assert.ok(accepted.ok);
    const [m] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, invitee.id), eq(memberships.businessId, business.id)));
    assert.equal(m?.role, "cardholder");
    assert.equal(m?.cardholderId, holder.id);

    // Someone already in the team is refused before any cardholder is made.
    const again = await inviteCardholder(db, stripe, who, { ...input, clientToken: crypto.randomUUID() });
    assert.equal(!again.ok && again.error.fields?.email, `${invitee.email} is already in your team.`);
    const holders = await stripe.issuing.cardholders.list(
      { email: invitee.email },
      { stripeAccount: business.stripeAccountId! },
    );
    assert.equal(holders.data.length, 1);
  });

  test("an existing cardholder must be the business's own", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business, ownerId }, { business: other }] = await seededBusinesses(db, stripe, ["US", "US"]);
    const { cardholder: theirs } = await issueCard(stripe, other.stripeAccountId!, "treasury");
    const { cardholder: ours } = await issueCard(stripe, business.stripeAccountId!, "treasury");
    const who = { business, userId: ownerId, ip: "127.0.0.1", userAgent: null };
    const base = { ...NEW, clientToken: crypto.randomUUID(), email: "someone@example.test" };
    const refused = await inviteCardholder(db, stripe, who, { ...base, cardholder: theirs });
    assert.deepEqual(!refused.ok && refused.error.fields, { cardholder: "Choose one of your business's cardholders" });
    const linked = await inviteCardholder(db, stripe, who, { ...base, cardholder: ours });
    assert.ok(linked.ok && linked.data.cardholderId === ours);
  });
});
