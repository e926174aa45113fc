import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { receiptFreezes, receipts, type Business } from "@/db/schema";
import type { BusinessScope } from "@/lib/actions/execute";
import { issuingNow } from "@/lib/cards/schedules";
import { applyAuthorization, applyCard } from "@/lib/events/read-models";
import { makeBusiness, makeUser } from "@/testing/admin-fixtures";
import { issueCard } from "@/testing/issue-card";
import { quietly } from "@/testing/quietly";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { freezeForMissingReceipts } from "./freeze";
import { missingReceipts } from "./missing";
import { setReceiptPolicy } from "./policy";
import { uploadReceipt } from "./upload";

// The missing-receipt policy end to end on the sandbox: which purchases need a receipt, the job that
// freezes a late cardholder's cards once the sandbox clock passes the deadline, and the upload that
// unfreezes exactly the cards it froze. Uploads are checked against who may attach to which purchase.
const sandbox = sandboxForFile();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x49, 0x48, 0x44, 0x52]);
const png = (name = "receipt.png") => ({ name, size: PNG.length, bytes: PNG });

describeEachDatabase("receipts", (database) => {
  test("missing receipts, the freeze after N days by the sandbox clock, and the upload that unfreezes", async () => {
    const { db } = database();
    const stripe = sandbox().stripe;
    process.env.SANDBOX_URL = sandbox().url; // the job's clock is the sandbox's
    const [{ business, ownerId }] = await seededBusinesses(db, stripe, ["US"]);
    const account = business.stripeAccountId!;
    const opts = { stripeAccount: account };
    const ana = await issueCard(stripe, account, "treasury", {
      holder: { first: "Ana", last: "Late", email: "ana@example.test" },
    });
    const bo = await issueCard(stripe, account, "treasury", {
      holder: { first: "Bo", last: "Other", email: "bo@example.test" },
    });
    // Ana's second card, which an owner froze by hand: the policy must leave it frozen.
    const spare = await stripe.issuing.cards.create(
      {
        cardholder: ana.cardholder,
        currency: "usd",
        type: "virtual",
        status: "inactive",
        financial_account: ana.financialAccount,
      } as never,
      opts,
    );
    for (const id of [ana.card, bo.card, spare.id])
      await applyCard(db, account, await stripe.issuing.cards.retrieve(id, {}, opts), new Date());

    const buy = async (card: string, amount: number, merchant: string, capture = true) => {
      const auth = await stripe.testHelpers.issuing.authorizations.create(
        { card, amount, currency: "usd", merchant_data: { name: merchant } },
        opts,
      );
      if (capture) await stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
      await applyAuthorization(
        db,
        account,
        await stripe.issuing.authorizations.retrieve(auth.id, {}, opts),
        new Date(),
      );
      return auth.id;
    };
    const anaBig = await buy(ana.card, 5_000, "Hotel Ana");
    await buy(ana.card, 1_000, "Coffee"); // under the amount: no receipt needed
    await buy(ana.card, 6_000, "Pending Store", false); // not captured yet
    await sandbox().control("/_sandbox/clock", { advance_seconds: 60 }); // Stripe's `created` is in seconds
    const boBig = await buy(bo.card, 4_000, "Hotel Bo");

    const saved = await setReceiptPolicy(db, business, ownerId, { requiredAbove: "25.00", freezeAfterDays: "3" });
    assert.ok(
      saved.ok && saved.data.requiredAbove === 2_500 && saved.data.freezeAfterDays === 3,
      JSON.stringify(saved),
    );
    const bad = await setReceiptPolicy(db, business, ownerId, { requiredAbove: "12.345", freezeAfterDays: "0" });
    assert.ok(
      !bad.ok && bad.error.fields?.requiredAbove && bad.error.fields.freezeAfterDays,
      "bad input is refused per field",
    );

    const all = await missingReceipts(db, business);
    assert.equal(all?.count, 2);
    assert.deepEqual(
      all?.rows.map((r) => r.id),
      [boBig, anaBig],
      "newest first",
    );
    const anas = await missingReceipts(db, business, { cardholderId: ana.cardholder });
    assert.deepEqual([anas?.count, anas?.rows[0]?.id], [1, anaBig], "one cardholder's");
    assert.equal((await missingReceipts(db, business, { pageSize: 1, page: 2 }))?.rows[0]?.id, anaBig, "paged");

    assert.deepEqual(await freezeForMissingReceipts(db, stripe, await issuingNow()), [], "nothing is late yet");
    await sandbox().control("/_sandbox/clock", { advance_seconds: 4 * 86_400 });
    const now = await issuingNow();
    const frozen = await freezeForMissingReceipts(db, stripe, now);
    assert.deepEqual(frozen.sort(), [ana.card, bo.card].sort(), "each late cardholder's active cards");
    const status = async (id: string) => (await stripe.issuing.cards.retrieve(id, {}, opts)).status;
    assert.equal(await status(ana.card), "inactive");
    assert.deepEqual(await freezeForMissingReceipts(db, stripe, now), [], "a second run freezes nothing again");

    const anaUser = await makeUser(db, false);
    const boUser = await makeUser(db, false);
    const holder = (userId: string, cardholderId: string): BusinessScope => ({
      actor: { userId, role: "cardholder", businessId: business.id, cardholderId },
      business,
    });
    const stored = async () => db.select().from(receipts).where(eq(receipts.businessId, business.id));

    // Bo may not attach to Ana's purchase, nor another business's owner; neither stores anything.
    const boTries = await uploadReceipt(
      db,
      stripe,
      { kind: "db" },
      holder(boUser.id, bo.cardholder),
      { purchase: anaBig },
      png(),
      now,
    );
    assert.equal(!boTries.ok && boTries.error.code, "not_found");
    const other: Business = await makeBusiness(db, { country: "US", fundingModel: "treasury" });
    const otherOwner = await makeUser(db, false);
    const stranger: BusinessScope = {
      actor: { userId: otherOwner.id, role: "owner", businessId: other.id },
      business: other,
    };
    const strangerTries = await uploadReceipt(db, stripe, { kind: "db" }, stranger, { purchase: anaBig }, png(), now);
    assert.equal(!strangerTries.ok && strangerTries.error.code, "not_found");
    // A text file named like a picture is refused next to the field.
    const text = new TextEncoder().encode("not a picture at all");
    const fake = await uploadReceipt(
      db,
      stripe,
      { kind: "db" },
      holder(anaUser.id, ana.cardholder),
      { purchase: anaBig },
      { name: "receipt.png", size: text.length, bytes: text },
      now,
    );
    assert.match(!fake.ok ? String(fake.error.fields?.file) : "", /isn't a PDF, JPEG, PNG, WebP or HEIC/);
    const big = await uploadReceipt(
      db,
      stripe,
      { kind: "db" },
      holder(anaUser.id, ana.cardholder),
      { purchase: anaBig },
      { name: "big.png", size: 10 * 1024 * 1024, bytes: new Uint8Array(0) },
      now,
    );
    assert.match(!big.ok ? String(big.error.fields?.file) : "", /10\.0 MB: receipts can be up to 8 MB/);
    assert.equal((await stored()).length, 0, "nothing stored");

    // Ana's receipt clears her last late one: the card the policy froze works again, the spare stays frozen.
    const up = await quietly(() =>
      uploadReceipt(db, stripe, { kind: "db" }, holder(anaUser.id, ana.cardholder), { purchase: anaBig }, png(), now),
    );
    assert.ok(up.ok, JSON.stringify(up));
    assert.deepEqual(up.data.unfrozen, [ana.card]);
    assert.equal(await status(ana.card), "active");
    assert.equal(await status(spare.id), "inactive", "a card the policy didn't freeze stays as it was");
    assert.equal(await status(bo.card), "inactive", "Bo's receipt is still late");
    const [freeze] = await db.select().from(receiptFreezes).where(eq(receiptFreezes.cardId, ana.card));
    assert.ok(freeze?.releasedAt, "the freeze is released");
    assert.equal((await missingReceipts(db, business))?.count, 1);
    assert.equal((await stored())[0]?.contentType, "image/png");
  });
});
