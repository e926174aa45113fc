import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/connect";
import { listCardTokens } from "@/db/queries/issuing-tokens";
import { authorizations, businesses, cards, cardholders, connectedAccounts } from "@/db/schema";
import { issuingAccountWithCards } from "@/testing/issuing-account";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { businessesToReconcile, reconcileBusiness } from "./reconcile";

let sandbox: SandboxProcess;
let database: Database;
before(async () => {
  sandbox = await startSandboxProcess();
  database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
});
after(async () => {
  await sandbox.stop();
  await database.close();
});

test("reconcile rebuilds a business's read models from the API, and running it twice changes nothing more", async () => {
  const { db } = database;
  const { account, cards: cardIds } = await issuingAccountWithCards(sandbox.stripe, { balance: 50_000, cards: 2 });
  const auth = await sandbox.stripe.testHelpers.issuing.authorizations.create(
    { card: cardIds[0]!, amount: 1_234, currency: "usd", merchant_data: { category: "bakeries" } },
    { stripeAccount: account },
  );
  const token = (await sandbox.control(`/_sandbox/issuing/cards/${cardIds[1]}/tokens`, {
    wallet_provider: "google_pay",
  })) as { id: string };
  const [business] = await db
    .insert(businesses)
    .values({
      legalName: "Missed Events Inc.",
      country: "US",
      businessType: "individual",
      fundingModel: "issuing_balance",
      stripeAccountId: account,
    })
    .returning();
  // Nothing arrived by webhook: the read models are empty for this account.
  assert.equal((await db.select().from(cards).where(eq(cards.accountId, account))).length, 0);

  const [target] = await businessesToReconcile(db, business!.id);
  const counts = await reconcileBusiness(db, sandbox.stripe, target!);
  assert.equal(counts.accounts, 1);
  assert.equal(counts.cards, 2);
  assert.equal(counts.cardholders, 1);
  assert.equal(counts.authorizations, 1);
  assert.equal(counts.tokens, 1);

  const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, account));
  assert.equal(acct?.businessId, business!.id);
  assert.equal(acct?.capabilities.card_issuing, "active");
  assert.deepEqual(
    (await db.select().from(cards).where(eq(cards.accountId, account))).map((c) => c.id).sort(),
    [...cardIds].sort(),
  );
  assert.equal((await db.select().from(cardholders).where(eq(cardholders.accountId, account))).length, 1);
  const [a] = await db.select().from(authorizations).where(eq(authorizations.id, auth.id));
  assert.equal(a?.approved, true);
  assert.equal(a?.merchantCategory, "bakeries");
  const [t] = await listCardTokens(db, { accountId: account, cardId: cardIds[1]! });
  assert.equal(t?.id, token.id);
  assert.equal(t?.walletProvider, "google_pay");

  await reconcileBusiness(db, sandbox.stripe, target!);
  assert.equal((await db.select().from(cards).where(eq(cards.accountId, account))).length, 2);
});
