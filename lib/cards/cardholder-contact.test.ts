import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { cardholders } from "@/db/schema";
import { issueCard } from "@/testing/issue-card";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { walletIneligibility } from "./wallet-tokens";
import { setCardholderContact } from "./cardholder-contact";

const sandbox = sandboxForFile();

describeEachDatabase("a cardholder's contact for digital wallets", (database) => {
  test("a card whose cardholder has neither email nor phone becomes wallet-eligible once a phone is added; bad input changes nothing", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [us, other] = await seededBusinesses(db, stripe, ["US", "US"]);
    const acct = us!.business.stripeAccountId!;
    const opts = { stripeAccount: acct };
    const issued = await issueCard(stripe, acct, "treasury", {
      holder: { first: "Nora", last: "Nocontact", email: null },
    });
    const card = () => stripe.issuing.cards.retrieve(issued.card, {}, opts);
    assert.match(walletIneligibility(await card()) ?? "", /Add a phone number or email/);

    const set = (input: { email?: string; phone?: string }, account = acct) =>
      setCardholderContact(db, stripe, account, { card: issued.card, ...input });
    const none = await set({ email: "", phone: "" });
    assert.equal(!none.ok && none.error.fields?.email, "Enter an email address or a phone number");
    const badPhone = await set({ phone: "415 555 0123" });
    assert.match((!badPhone.ok && badPhone.error.fields?.phone) || "", /country code/);
    const badEmail = await set({ email: "nora@" });
    assert.equal(!badEmail.ok && badEmail.error.fields?.email, "Enter a valid email address");
    const elsewhere = await set({ phone: "+14155550123" }, other!.business.stripeAccountId!);
    assert.equal(!elsewhere.ok && elsewhere.error.code, "not_found", "another business's card looks missing");
    assert.ok(walletIneligibility(await card()), "nothing changed so far");

    const saved = await set({ phone: "+14155550123" });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(saved.data.cardholder, issued.cardholder);
    assert.equal((await stripe.issuing.cardholders.retrieve(issued.cardholder, {}, opts)).phone_number, "+14155550123");
    assert.equal(walletIneligibility(await card()), null);

    // An email too: stored as Stripe has it, and in the read model the pages use.
    assert.ok((await set({ email: "Nora@Example.test" })).ok);
    const [row] = await db.select().from(cardholders).where(eq(cardholders.id, issued.cardholder));
    assert.equal(row?.email, "nora@example.test");
  });
});
