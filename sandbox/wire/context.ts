import type { Tx } from "../store/store";
import type { Kernel } from "../kernel";
import type { Mode } from "../contract/coerce";

/** Everything a handler needs for one request. */
export type Ctx = {
  kernel: Kernel;
  tx: Tx;
  params: Record<string, unknown>;
  path: Record<string, string>;
  /** The account the request acts as: the platform, or the connected account named by Stripe-Account/Stripe-Context. */
  account: string;
  platform: string;
  isConnected: boolean;
  /** The raw Stripe-Context header (v2), echoed into thin events. */
  context: string | null;
  mode: Mode;
  request: { id: string | null; idempotency_key: string | null };
  apiVersion: string;
  /** Base URL as the client reached us, for URLs we hand out (account links). */
  origin: string;
  /** Sandbox clock, fixed for the whole request. */
  now: number;
  nowMs: number;
  id(prefix: string, length?: number): string;
  /** Runs after the change set is durable (e.g. kick webhook delivery, schedule verification). */
  afterCommit(fn: () => void): void;
};
