import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { getIssuingToken, listCardTokens } from "@/db/queries/issuing-tokens";
import { applySnapshotEvent } from "@/lib/events/apply";
import { handleSnapshotEvent } from "@/lib/events/receive-snapshot";
import { event } from "@/testing/events";
import { issuingAccountWithCards } from "@/testing/issuing-account";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { setTokenStatus, walletIneligibility } from "./wallet-tokens";

// Tokens are made by the sandbox's control, as Stripe makes them when a cardholder adds a card in a wallet app.
let sandbox: SandboxProcess;
let a: { account: string; cards: string[] };
let b: { account: string; cards: string[] };

before(async () => {
  sandbox = await startSandboxProcess();
  a = await issuingAccountWithCards(sandbox.stripe, { balance: 10_000, cards: 2 });
  b = await issuingAccountWithCards(sandbox.stripe, { balance: 10_000, cards: 1 });
});
after(async () => {
  await sandbox.stop();
});

async function provision(card: string, wallet = "apple_pay"): Promise<Stripe.Issuing.Token> {
  const token = (await sandbox.control(`/_sandbox/issuing/cards/${card}/tokens`, {
    wallet_provider: wallet,
    device_type: "phone",
    device_name: "Test iPhone",
  })) as Stripe.Issuing.Token;
  assert.match(token.id, /^intok_/, JSON.stringify(token));
  return token;
}

const statusAtStripe = async (account: string, token: string) =>
  (await sandbox.stripe.issuing.tokens.retrieve(token, {}, { stripeAccount: account })).status;

describeEachDatabase("digital-wallet tokens", (database) => {
  test("issuing_token.created then .updated fill the read model, for the event's account only", async () => {
    const { db } = database();
    const token = await provision(a.cards[0]!, "google_pay");
    const now = Math.floor(Date.now() / 1000);
    await applySnapshotEvent(db, event("issuing_token.created", token, { account: a.account, created: now }));
    let row = await getIssuingToken(db, { accountId: a.account, tokenId: token.id });
    assert.equal(row?.status, "active");
    assert.equal(row?.cardId, a.cards[0]);
    assert.equal(row?.walletProvider, "google_pay");
    assert.equal(row?.deviceType, "phone");
    assert.equal(row?.last4, token.last4);

    const suspended = { ...token, status: "suspended" as const };
    await applySnapshotEvent(
      db,
      event("issuing_token.updated", suspended, {
        account: a.account,
        created: now + 1,
        previous: { status: "active" },
      }),
    );
    // A late redelivery of the creation does not undo the change.
    await applySnapshotEvent(db, event("issuing_token.created", token, { account: a.account, created: now }));
    row = await getIssuingToken(db, { accountId: a.account, tokenId: token.id });
    assert.equal(row?.status, "suspended");

    assert.equal(await getIssuingToken(db, { accountId: b.account, tokenId: token.id }), null);
    assert.deepEqual(await listCardTokens(db, { accountId: b.account, cardId: a.cards[0]! }), []);
    assert.deepEqual(
      (await listCardTokens(db, { accountId: a.account, cardId: a.cards[0]! })).map((t) => t.id),
      [token.id],
    );
  });

  test("suspend then resume: Stripe and the read model follow", async () => {
    const { db } = database();
    const token = await provision(a.cards[0]!);
    const input = { card: a.cards[0]!, token: token.id };
    const suspended = await setTokenStatus(db, sandbox.stripe, a.account, { ...input, status: "suspended" });
    assert.deepEqual(suspended, { ok: true, data: { token: token.id, status: "suspended" } });
    assert.equal(await statusAtStripe(a.account, token.id), "suspended");
    assert.equal((await getIssuingToken(db, { accountId: a.account, tokenId: token.id }))?.status, "suspended");

    const resumed = await setTokenStatus(db, sandbox.stripe, a.account, { ...input, status: "active" });
    assert.deepEqual(resumed, { ok: true, data: { token: token.id, status: "active" } });
    assert.equal(await statusAtStripe(a.account, token.id), "active");
    assert.equal((await getIssuingToken(db, { accountId: a.account, tokenId: token.id }))?.status, "active");
  });

  test("another business's token, or a token of another card, is not found and stays as it was", async () => {
    const { db } = database();
    const token = await provision(a.cards[0]!);
    const theirs = await setTokenStatus(db, sandbox.stripe, b.account, {
      card: a.cards[0]!,
      token: token.id,
      status: "suspended",
    });
    assert.equal(theirs.ok, false);
    assert.equal(!theirs.ok && theirs.error.code, "not_found");
    // B names its own card with A's token: still not found.
    const mixed = await setTokenStatus(db, sandbox.stripe, b.account, {
      card: b.cards[0]!,
      token: token.id,
      status: "suspended",
    });
    assert.equal(!mixed.ok && mixed.error.code, "not_found");
    // A's own token named under A's other card.
    const otherCard = await setTokenStatus(db, sandbox.stripe, a.account, {
      card: a.cards[1]!,
      token: token.id,
      status: "suspended",
    });
    assert.equal(!otherCard.ok && otherCard.error.code, "not_found");
    assert.equal(await statusAtStripe(a.account, token.id), "active");
    assert.equal(await getIssuingToken(db, { accountId: b.account, tokenId: token.id }), null);
  });

  test("a change within the same second as the app's own update still reaches the read model (the token is read fresh)", async () => {
    const { db } = database();
    const token = await provision(a.cards[0]!);
    const input = { card: a.cards[0]!, token: token.id };
    assert.ok((await setTokenStatus(db, sandbox.stripe, a.account, { ...input, status: "suspended" })).ok);
    const deleted = await sandbox.stripe.issuing.tokens.update(
      token.id,
      { status: "deleted" },
      { stripeAccount: a.account },
    );
    // The event's `created` has one-second resolution: no later than the app's own update above.
    const e = event("issuing_token.updated", deleted, {
      account: a.account,
      created: Math.floor(Date.now() / 1000) - 1,
      previous: { status: "suspended" },
    });
    const secret = "whsec_wallet_tokens_test";
    const body = JSON.stringify(e);
    const header = sandbox.stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    const result = await handleSnapshotEvent({ db, stripe: sandbox.stripe, secret }, body, header);
    assert.equal(result.status, 200);
    assert.equal((await getIssuingToken(db, { accountId: a.account, tokenId: token.id }))?.status, "deleted");
  });

  test("a removed (deleted) token can't be resumed: a clear error, nothing changes", async () => {
    const { db } = database();
    const token = await provision(a.cards[0]!);
    await sandbox.stripe.issuing.tokens.update(token.id, { status: "deleted" }, { stripeAccount: a.account });
    const result = await setTokenStatus(db, sandbox.stripe, a.account, {
      card: a.cards[0]!,
      token: token.id,
      status: "active",
    });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, "validation_failed");
    assert.match((!result.ok && result.error.fields?._form) || "", /removed from that wallet/);
    assert.equal(await statusAtStripe(a.account, token.id), "deleted");
  });
});

test("a card whose cardholder has neither phone nor email says so, and can't be added to a wallet", async () => {
  const o = { stripeAccount: a.account };
  const holder = await sandbox.stripe.issuing.cardholders.create(
    {
      type: "individual",
      name: "No Contact",
      billing: { address: { line1: "1 Main", city: "SF", state: "CA", postal_code: "94111", country: "US" } },
      individual: {
        first_name: "No",
        last_name: "Contact",
        card_issuing: { user_terms_acceptance: { date: 1_700_000_000, ip: "127.0.0.1" } },
      },
    },
    o,
  );
  const card = await sandbox.stripe.issuing.cards.create(
    { cardholder: holder.id, currency: "usd", type: "virtual", status: "active" },
    o,
  );
  assert.equal(
    walletIneligibility(card),
    "Add a phone number or email to the cardholder to use Apple Pay or Google Pay.",
  );
  const refused = (await sandbox.control(`/_sandbox/issuing/cards/${card.id}/tokens`, {})) as {
    error?: { code?: string };
  };
  assert.equal(refused.error?.code, "missing_cardholder_contact");
  const withEmail = await sandbox.stripe.issuing.cards.retrieve(a.cards[0]!, {}, o);
  assert.equal(walletIneligibility(withEmail), null);
});
