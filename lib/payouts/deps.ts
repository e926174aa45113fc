import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";

/** What the payout functions need, passed in so tests can use a real sandbox process and database. */
export type PayoutDeps = {
  db: DbOrTx;
  stripe: Stripe;
  /** Sandbox mode only: POSTs to a `/_sandbox/…` control; absent against real Stripe. */
  sandboxControl?: (path: string, body: Record<string, unknown>) => Promise<unknown>;
};
