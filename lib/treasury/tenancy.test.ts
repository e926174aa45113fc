import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/connect";
import { businesses, operations, type Business } from "@/db/schema";
import { ensureFinancialAccount, provisionStripeAccount } from "@/lib/businesses/provision";
import { verifyUsCompany } from "@/testing/issuing-account";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { newBusiness } from "@/testing/seeded-business";
import { linkBankSchema, startBankLink, verifyBankLink } from "./bank-accounts";
import { moveMoneyIn } from "./inbound";

let sandbox: SandboxProcess;
let database: Database;
before(async () => {
  sandbox = await startSandboxProcess({ SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0" });
  database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
});
after(async () => {
  await sandbox.stop();
  await database.close();
});

/** A verified US business with its Treasury financial account, as onboarding leaves it. */
async function treasuryBusiness(name: string): Promise<{ business: Business; userId: string }> {
  const { db } = database;
  const { business, ownerId } = await newBusiness(db, "US", name);
  const account = await provisionStripeAccount(db, sandbox.stripe, business);
  await verifyUsCompany(sandbox.stripe, account, name);
  assert.ok(await ensureFinancialAccount(db, sandbox.stripe, business));
  return { business, userId: ownerId };
}

test("one business can't verify, or move money from, another business's bank account, by any id", async () => {
  const { db } = database;
  const a = await treasuryBusiness("Alpha");
  const b = await treasuryBusiness("Bravo");
  const input = linkBankSchema.parse({
    clientToken: randomUUID(),
    holderName: "Alpha Co",
    routingNumber: "110000000",
    accountNumber: "000123456789",
    accountType: "checking",
  });
  const { operationId } = await startBankLink(db, sandbox.stripe, a.business, a.userId, input, {
    ip: "127.0.0.1",
    userAgent: "test",
  });

  // B names A's pending bank link: not found, and A's link stays unverified.
  assert.equal(
    await verifyBankLink(db, sandbox.stripe, b.business, { operation: operationId, code: "SM11AA" }),
    "not_found",
  );
  const [pending] = await db.select().from(operations).where(eq(operations.id, operationId));
  assert.equal(pending?.status, "pending");

  assert.equal(
    await verifyBankLink(db, sandbox.stripe, a.business, { operation: operationId, code: "SM11AA" }),
    "verified",
  );

  // B names A's verified bank account as the source of a transfer: refused, nothing created.
  const before = (
    await sandbox.stripe.treasury.inboundTransfers.list(
      { financial_account: b.business.financialAccountId! },
      { stripeAccount: b.business.stripeAccountId! },
    )
  ).data.length;
  const refused = await moveMoneyIn(db, sandbox.stripe, b.business, b.userId, {
    clientToken: randomUUID(),
    bank: operationId,
    amount: 10_000,
  });
  assert.deepEqual(refused, { ok: false, field: "bank", message: "Choose a verified bank account" });
  const after = (
    await sandbox.stripe.treasury.inboundTransfers.list(
      { financial_account: b.business.financialAccountId! },
      { stripeAccount: b.business.stripeAccountId! },
    )
  ).data.length;
  assert.equal(after, before);

  // A's own transfer works, once per form token even when submitted twice.
  const token = randomUUID();
  const first = await moveMoneyIn(db, sandbox.stripe, a.business, a.userId, {
    clientToken: token,
    bank: operationId,
    amount: 10_000,
  });
  const again = await moveMoneyIn(db, sandbox.stripe, a.business, a.userId, {
    clientToken: token,
    bank: operationId,
    amount: 10_000,
  });
  assert.ok(first.ok && again.ok && first.id === again.id);
  const transfers = await sandbox.stripe.treasury.inboundTransfers.list(
    { financial_account: a.business.financialAccountId! },
    { stripeAccount: a.business.stripeAccountId! },
  );
  assert.equal(transfers.data.length, 1);
  assert.equal(transfers.data[0]?.amount, 10_000);

  // B replaying A's whole request (token and bank) gets a refusal, not A's transfer.
  assert.deepEqual(
    await moveMoneyIn(db, sandbox.stripe, b.business, b.userId, {
      clientToken: token,
      bank: operationId,
      amount: 10_000,
    }),
    { ok: false, field: "bank", message: "Choose a verified bank account" },
  );
  assert.equal((await db.select().from(businesses)).length, 2);
});

test("the bank link's SetupIntent names its type as the pinned version (endive) requires, so it confirms without a return_url", async () => {
  const { db } = database;
  const c = await treasuryBusiness("Charlie");
  const input = linkBankSchema.parse({
    clientToken: randomUUID(),
    holderName: "Charlie Co",
    routingNumber: "110000000",
    accountNumber: "000123456789",
    accountType: "checking",
  });
  const { setupIntent } = await startBankLink(db, sandbox.stripe, c.business, c.userId, input, {
    ip: "127.0.0.1",
    userAgent: "test",
  });
  assert.deepEqual(setupIntent.allowed_payment_method_types, ["us_bank_account"]);
  assert.equal(setupIntent.automatic_payment_methods, null, "not the Dashboard's automatic payment methods");
  assert.equal(setupIntent.status, "requires_action");
  assert.equal(setupIntent.next_action?.type, "verify_with_microdeposits");
  // What it would take without them: Stripe refuses the confirmation for want of a return_url.
  const bare = await sandbox.stripe.setupIntents
    .create(
      {
        attach_to_self: true,
        confirm: true,
        payment_method_data: {
          type: "us_bank_account",
          us_bank_account: {
            routing_number: "110000000",
            account_number: "000123456789",
            account_holder_type: "company",
          },
        },
        mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "127.0.0.1", user_agent: "t" } } },
      },
      { stripeAccount: c.business.stripeAccountId! },
    )
    .catch((e: { param?: string }) => e);
  assert.equal((bare as { param?: string }).param, "return_url");
});
