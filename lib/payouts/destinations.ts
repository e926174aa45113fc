import "server-only";
import type { z } from "zod";
import { getBusiness } from "@/db/queries/businesses";
import {
  archiveDestinationRow,
  DESTINATION_KIND,
  findDestination,
  findDestinationByPayoutMethod,
  saveDestination,
  type NewPayoutDestination,
} from "@/db/queries/payout-destinations";
import type { PayoutDestination } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";
import { stripeFailure } from "@/lib/stripe/errors";
import { NETWORKS } from "@/lib/wallet/networks";
import type { PayoutDeps } from "./deps";
import { bankCountry, type bankDestinationSchema, type cryptoDestinationSchema } from "./schemas";
import { archivePayoutMethod, createPayoutMethod, type PayoutMethodData } from "./stripe";

type Actor = { userId: string; businessId: string };
type NewDestination = Omit<NewPayoutDestination, "businessId" | "payoutMethodId" | "createdBy">;

const CRYPTO_PARAMS: Record<string, string> = {
  "payout_method_data.crypto_wallet.address": "address",
  "payout_method_data.crypto_wallet.memo": "memo",
  "payout_method_data.crypto_wallet.network": "network",
};

export async function addCryptoDestination(
  deps: PayoutDeps,
  actor: Actor,
  input: z.output<typeof cryptoDestinationSchema>,
): Promise<ActionResult<PayoutDestination>> {
  const memo = input.network === "stellar" ? input.memo : undefined;
  const data: PayoutMethodData = {
    type: "crypto_wallet",
    crypto_wallet: { address: input.address, network: input.network, ...(memo ? { memo } : {}) },
  };
  const row: NewDestination = {
    kind: "crypto_wallet",
    label: input.label || `${NETWORKS[input.network].name} wallet`,
    network: input.network,
    address: input.address,
    memo: memo ?? null,
    currency: "usdc",
  };
  return addDestination(deps, actor, input.clientToken, data, row, (p) => CRYPTO_PARAMS[p] ?? null);
}

export async function addBankDestination(
  deps: PayoutDeps,
  actor: Actor,
  input: z.output<typeof bankDestinationSchema>,
): Promise<ActionResult<PayoutDestination>> {
  // The payout method takes no currency: its country decides it (USD in the US, MXN in Mexico, EUR for an IBAN).
  const country = bankCountry(input.currency, input.accountNumber);
  const data: PayoutMethodData = {
    type: "bank_account",
    bank_account: {
      account_number: input.accountNumber,
      country,
      ...(input.currency === "usd" ? { routing_number: input.routingNumber } : {}),
    },
  };
  const masked = `•••• ${input.accountNumber.slice(-4)}`;
  const row: NewDestination = {
    kind: "bank_account",
    label: input.label || `${input.currency.toUpperCase()} bank account`,
    network: null,
    address: masked,
    memo: null,
    currency: input.currency,
    bankCountry: country,
  };
  return addDestination(deps, actor, input.clientToken, data, row, (p) =>
    p.endsWith("routing_number")
      ? "routingNumber"
      : p.startsWith("payout_method_data.bank_account")
        ? "accountNumber"
        : null,
  );
}

/** One payout method per form submit: the operation row's id is the setup intent's idempotency key. */
async function addDestination(
  deps: PayoutDeps,
  actor: Actor,
  clientToken: string,
  data: PayoutMethodData,
  row: NewDestination,
  fieldFor: (param: string) => string | null,
): Promise<ActionResult<PayoutDestination>> {
  const { db } = deps;
  const business = await getBusiness(db, { businessId: actor.businessId });
  if (!business?.stripeAccountId || business.fundingModel !== "stablecoin")
    return fail("forbidden", undefined, "Payout destinations open once your business is verified");
  const account = business.stripeAccountId;
  const claim = await claimOperation(db, {
    kind: DESTINATION_KIND,
    clientToken,
    businessId: actor.businessId,
    createdBy: actor.userId,
    request: { kind: row.kind },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.status === "succeeded" && op.stripeObjectId) {
    const existing = await findDestinationByPayoutMethod(db, {
      businessId: actor.businessId,
      payoutMethodId: op.stripeObjectId,
    });
    if (existing) return ok(existing);
  }
  const sent = await callStripeOnce(db, op, (key) => createPayoutMethod(deps.stripe, account, data, key), {
    fieldFor,
  });
  if (!sent.ok) return sent.result;
  const method = sent.value;
  const payoutMethodId = String(method.id);
  const saved = await saveDestination(db, {
    ...row,
    businessId: actor.businessId,
    payoutMethodId,
    createdBy: actor.userId,
  });
  await recordSuccess(db, op, { stripeObjectId: payoutMethodId, result: { destinationId: saved.id } });
  return ok(saved);
}

export async function archiveDestination(
  deps: PayoutDeps,
  actor: Actor,
  destinationId: string,
): Promise<ActionResult<{ id: string }>> {
  const business = await getBusiness(deps.db, { businessId: actor.businessId });
  const dest = await findDestination(deps.db, { businessId: actor.businessId, id: destinationId });
  if (!dest || !business?.stripeAccountId) return fail("not_found");
  if (!dest.archived) {
    try {
      await archivePayoutMethod(deps.stripe, business.stripeAccountId, dest.payoutMethodId, `ic-archive-${dest.id}`);
    } catch (err) {
      return stripeFailure(err).result;
    }
    await archiveDestinationRow(deps.db, { businessId: actor.businessId, id: dest.id });
  }
  return ok({ id: dest.id });
}
