import "server-only";
import type { PayoutDestination } from "@/db/schema";
import { businessSpec, type BusinessActor } from "@/lib/actions/execute";
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

/** Both pages show destinations and payouts. */
const revalidate = () => ["/payouts", "/wallet"];

/**
 * The payout actions: the session wrapper in the app and the tenant tests run exactly these. The
 * business always comes from the actor, never the input.
 */
export function payoutActions(deps: () => PayoutDeps) {
  const owner = (a: BusinessActor) => ({ userId: a.userId, businessId: a.businessId });
  return {
    addCryptoDestination: businessSpec<typeof cryptoDestinationSchema, PayoutDestination>({
      permission: "payouts.manage",
      stepUp: true,
      schema: cryptoDestinationSchema,
      run: ({ actor, input }) => addCryptoDestination(deps(), owner(actor), input),
      audit: (input, d) => ({
        action: "payout_destination.created",
        target: d.id,
        data: { kind: d.kind, network: input.network },
      }),
      revalidate,
    }),
    addBankDestination: businessSpec<typeof bankDestinationSchema, PayoutDestination>({
      permission: "payouts.manage",
      stepUp: true,
      schema: bankDestinationSchema,
      run: ({ actor, input }) => addBankDestination(deps(), owner(actor), input),
      audit: (input, d) => ({
        action: "payout_destination.created",
        target: d.id,
        data: { kind: d.kind, currency: input.currency },
      }),
      revalidate,
    }),
    archiveDestination: businessSpec<typeof destinationIdSchema, { id: string }>({
      permission: "payouts.manage",
      schema: destinationIdSchema,
      run: ({ actor, input }) => archiveDestination(deps(), owner(actor), input.destinationId),
      audit: (input) => ({ action: "payout_destination.archived", target: input.destinationId }),
      revalidate,
    }),
    sendPayout: businessSpec<typeof sendPayoutSchema, SentPayout>({
      permission: "payouts.manage",
      stepUp: true,
      schema: sendPayoutSchema,
      run: ({ actor, input }) => sendPayout(deps(), owner(actor), input),
      audit: (_input, d) => ({
        action: d.replayed ? "payout.replayed" : "payout.created",
        target: d.outboundTransferId,
        data: { amount: d.amount, currency: d.currency, payoutId: d.payoutId },
      }),
      revalidate,
    }),
    drivePayout: businessSpec<typeof drivePayoutSchema, { status: string }>({
      permission: "payouts.manage",
      schema: drivePayoutSchema,
      run: ({ actor, input }) => drivePayout(deps(), owner(actor), input),
      audit: (input, d) => ({
        action: "payout.sandbox_driven",
        target: input.payoutId,
        data: { action: input.action, status: d.status },
      }),
      revalidate,
    }),
  };
}
