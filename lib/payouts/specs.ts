import "server-only";
import type { ActionSpec } from "@/lib/actions/execute";
import type { BusinessActor } from "@/lib/actions/safe-action";
import type { PayoutDeps } from "./deps";
import { addBankDestination, addCryptoDestination, archiveDestination } from "./destinations";
import { drivePayout } from "./drive";
import {
  bankDestinationSchema,
  cryptoDestinationSchema,
  destinationIdSchema,
  drivePayoutSchema,
  sendPayoutSchema,
} from "./schemas";
import { sendPayout, type SentPayout } from "./send";
import type { PayoutDestination } from "@/db/schema";

/**
 * The payout actions as specs for `executeAction`: the session wrapper in the app and the
 * tenant tests run exactly these. The business always comes from the actor, never the input.
 */
export function payoutSpecs(deps: () => PayoutDeps) {
  const actor = (a: BusinessActor) => ({ userId: a.userId, businessId: a.businessId });
  return {
    addCryptoDestination: {
      permission: "payouts.manage",
      schema: cryptoDestinationSchema,
      run: (a, input) => addCryptoDestination(deps(), actor(a), input),
      audit: (input, d) => ({
        action: "payout_destination.created",
        target: d.id,
        data: { kind: d.kind, network: input.network },
      }),
    } satisfies ActionSpec<typeof cryptoDestinationSchema, PayoutDestination, BusinessActor>,
    addBankDestination: {
      permission: "payouts.manage",
      schema: bankDestinationSchema,
      run: (a, input) => addBankDestination(deps(), actor(a), input),
      audit: (input, d) => ({
        action: "payout_destination.created",
        target: d.id,
        data: { kind: d.kind, currency: input.currency },
      }),
    } satisfies ActionSpec<typeof bankDestinationSchema, PayoutDestination, BusinessActor>,
    archiveDestination: {
      permission: "payouts.manage",
      schema: destinationIdSchema,
      run: (a, input) => archiveDestination(deps(), actor(a), input.destinationId),
      audit: (input) => ({ action: "payout_destination.archived", target: input.destinationId }),
    } satisfies ActionSpec<typeof destinationIdSchema, { id: string }, BusinessActor>,
    sendPayout: {
      permission: "payouts.manage",
      schema: sendPayoutSchema,
      run: (a, input) => sendPayout(deps(), actor(a), input),
      audit: (_input, d) => ({
        action: d.replayed ? "payout.replayed" : "payout.created",
        target: d.outboundTransferId,
        data: { amount: d.amount, currency: d.currency, payoutId: d.payoutId },
      }),
    } satisfies ActionSpec<typeof sendPayoutSchema, SentPayout, BusinessActor>,
    drivePayout: {
      permission: "payouts.manage",
      schema: drivePayoutSchema,
      run: (a, input) => drivePayout(deps(), actor(a), input),
      audit: (input, d) => ({
        action: "payout.sandbox_driven",
        target: input.payoutId,
        data: { action: input.action, status: d.status },
      }),
    } satisfies ActionSpec<typeof drivePayoutSchema, { status: string }, BusinessActor>,
  };
}
