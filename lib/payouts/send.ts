import "server-only";
import type { z } from "zod";
import type { OperationRow } from "@/db/schema";
import { applyOutboundV2 } from "@/lib/events/read-models-v2";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { formatMoney, parseMoney } from "@/lib/money";
import type { PayoutDeps } from "./deps";
import { abandonOperation, claimOperation, finishOperation, idempotencyKeyFor, settledOperation } from "./operation";
import { findDestination, getBusinessById, PAYOUT_KIND, walletOf } from "./queries";
import type { sendPayoutSchema } from "./schemas";
import {
  createOutboundTransfer,
  fetchUsdcBalance,
  isConnectionError,
  stripeFailure,
  type TransferRequest,
} from "./stripe";

type Actor = { userId: string; businessId: string };
export type SentPayout = {
  payoutId: string;
  outboundTransferId: string;
  amount: number;
  currency: "usdc";
  status: string;
  replayed: boolean;
};

/**
 * Sends USDC from the business's wallet to one of its saved destinations, once per form:
 * the form's client token claims an operation row, whose id is the Stripe idempotency key, so
 * a double click, a retried request or a second tab with the same form make one transfer.
 */
export async function sendPayout(
  deps: PayoutDeps,
  actor: Actor,
  input: z.output<typeof sendPayoutSchema>,
): Promise<ActionResult<SentPayout>> {
  const { db, stripe } = deps;
  const business = await getBusinessById(db, actor.businessId);
  const wallet = walletOf(business);
  if (!wallet) return fail("forbidden", undefined, "Your USDC wallet isn't open yet. Finish verification first");
  const destination = await findDestination(db, { businessId: actor.businessId, id: input.destinationId });
  if (!destination || destination.archived)
    return fail("validation_failed", { destinationId: "Choose one of your saved destinations" });
  const parsed = parseMoney(input.amount, "usdc");
  if (!parsed.ok) return fail("validation_failed", { amount: parsed.message });

  const transfer: TransferRequest = {
    financialAccount: wallet.financialAccount,
    payoutMethod: destination.payoutMethodId,
    amount: parsed.amount,
    currency: "usdc",
    toCurrency: destination.currency,
    description: `Payout to ${destination.label}`,
  };
  const claim = await claimOperation(db, {
    kind: PAYOUT_KIND,
    clientToken: input.clientToken,
    businessId: actor.businessId,
    userId: actor.userId,
    amount: parsed.amount,
    currency: "usdc",
    request: { ...transfer, destinationId: destination.id },
  });
  if (!claim) return fail("not_found");
  if (!claim.fresh) return replay(deps, wallet.account, claim.op);

  // Refuse before anything is sent, from a balance read now (not a cached one).
  let available: number;
  try {
    available = (await fetchUsdcBalance(stripe, wallet.account, wallet.financialAccount)).available;
  } catch (err) {
    await abandonOperation(db, claim.op.id);
    return stripeFailure(err);
  }
  if (parsed.amount > available) {
    await abandonOperation(db, claim.op.id);
    return fail("insufficient_funds", { amount: `You have ${formatMoney(available, "usdc")} available` });
  }
  return callStripe(deps, wallet.account, claim.op, transfer, false);
}

/** The same form again: answer with what the first submit did, finishing it if it never heard back. */
async function replay(deps: PayoutDeps, account: string, first: OperationRow): Promise<ActionResult<SentPayout>> {
  // Another tab may be sending this very form right now: let it finish rather than race it.
  const op = await settledOperation(deps.db, first);
  if (!op) return fail("validation_failed", undefined, "That payout was not sent. Check the form and send it again");
  if (op.status === "succeeded" && op.stripeObjectId) return ok(toSent(op.id, op.result ?? {}, true));
  if (op.status === "failed") return fail("validation_failed", undefined, "This payout was not sent. Start a new one");
  // Still pending: the first attempt may or may not have reached Stripe; the same key can't make a second transfer.
  const r = op.request as TransferRequest;
  const transfer: TransferRequest = {
    financialAccount: r.financialAccount,
    payoutMethod: r.payoutMethod,
    amount: r.amount,
    currency: r.currency,
    toCurrency: r.toCurrency,
    description: r.description,
  };
  return callStripe(deps, account, op, transfer, true);
}

async function callStripe(
  deps: PayoutDeps,
  account: string,
  op: OperationRow,
  transfer: TransferRequest,
  replayed: boolean,
): Promise<ActionResult<SentPayout>> {
  let obt;
  try {
    obt = await createOutboundTransfer(deps.stripe, account, transfer, idempotencyKeyFor(op));
  } catch (err) {
    const failure = stripeFailure(err, (p) =>
      p.startsWith("amount") ? "amount" : p.startsWith("to.") ? "destinationId" : null,
    );
    if (!isConnectionError(err)) await abandonOperation(deps.db, op.id);
    return failure;
  }
  await finishOperation(deps.db, op.id, { status: "succeeded", stripeObjectId: String(obt.id), result: obt });
  await applyOutboundV2(deps.db, account, obt, "v2_outbound_transfer", new Date());
  return ok(toSent(op.id, obt, replayed));
}

function toSent(payoutId: string, obt: Record<string, unknown>, replayed: boolean): SentPayout {
  const amount = (obt.amount ?? {}) as { value?: number };
  return {
    payoutId,
    outboundTransferId: String(obt.id),
    amount: Number(amount.value ?? 0),
    currency: "usdc",
    status: String(obt.status ?? "processing"),
    replayed,
  };
}
