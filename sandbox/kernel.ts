import type { Store } from "./store/store";
import type { SandboxClock } from "./store/clock";
import type { Router } from "./wire/router";
import type { Ctx } from "./wire/context";
import type { AccountRow } from "./resources/accounts/store";

/** Loads an object by id for `expand[]`, or null when this account cannot see it. */
export type Expander = (id: string, ctx: Ctx) => Record<string, unknown> | null;

export type RuntimeConfig = {
  /** KYC outcome given to new accounts (`/_sandbox/config` changes it). */
  defaultKyc: "approve" | "reject" | "pending";
  /** Delay before a submitted account's capabilities go from pending to active. */
  verificationDelayMs: number;
  webhookRetryBaseMs: number;
  webhookRetryMaxMs: number;
  webhookTimeoutMs: number;
  /** Give up on a delivery after this long (Stripe test mode: days). */
  webhookGiveUpMs: number;
  /** How long delayed Treasury features (`financial_addresses.aba`) and v2 financial addresses stay pending. */
  treasuryActivationDelayMs: number;
  /**
   * Bank-side settlement in test mode: a pending top-up succeeds after `topupSettleMs` (null = never:
   * only `/_sandbox/topups/:id/succeed|fail` settle it), a pending payout is paid after `payoutSettleMs`
   * (null = never: only `/_sandbox/payouts/:id/paid|fail`).
   */
  topupSettleMs: number | null;
  payoutSettleMs: number | null;
  /** Conversion rates for v2 outbound payments, `from:to` → units of `to` per unit of `from` (default usd:usdc 1). */
  fxRates: Record<string, number>;
  /**
   * The real-time authorization endpoint, as Stripe's Issuing settings hold it: its own URL, or
   * `null` for none (authorizations are then decided by spending controls and funds alone).
   * It never falls back to a webhook endpoint or event destination.
   */
  rtaUrl: string | null;
  /** The secret RTA requests are signed with: the endpoint's own (generated when a URL is set without one). */
  rtaSecret: string | null;
  /** How long the RTA endpoint has to answer (Stripe: 2 s). */
  rtaTimeoutMs: number;
  /** Stand-in decisions (Stripe's "webhook timeout settings"): on no answer in time, and on a malformed answer. */
  rtaOnTimeout: "approve" | "decline";
  rtaOnError: "approve" | "decline";
  /** Daily limit (minor units) given to new cards whose caller sets no spending limits; 0 = none. */
  issuingDefaultDailyLimit: number;
  /** What a submitted Issuing dispute turns into: decided at once, or left `submitted` for `/_sandbox/issuing/disputes/:id/close`. */
  issuingDisputeOutcome: "won" | "lost" | "manual";
};

/** The sandbox's shared services; resources receive it through `ctx.kernel`. */
export type Kernel = {
  store: Store;
  clock: SandboxClock;
  router: Router;
  config: RuntimeConfig;
  /** Keyed by id prefix (`acct`, `ic`, …). */
  expanders: Map<string, Expander>;
  /** Fields computed only on request, keyed `<object>.<field>` (e.g. `issuing.card.number`). */
  fieldExpanders: Map<string, (obj: Record<string, unknown>, ctx: Ctx) => unknown>;
  platformId(): string;
  /** Hooks run after each durable commit (webhook dispatcher, verifier). */
  onCommitted: Array<() => void>;
  /** Hooks run at start-up and after reset (timers that rebuild from stored state). */
  onStart: Array<() => void>;
  /** Accounts whose capabilities wait for verification (the verifier listens). */
  accountPending: Array<(accountId: string) => void>;
  /** Every account change, inside its change set (the v2 view emits thin events here). */
  accountChanged: Array<(ctx: Ctx, before: AccountRow | null, after: AccountRow) => void>;
  /**
   * Non-secret keys (`ek_test_…` ephemeral keys) the pipeline accepts for one request: answers
   * the account to act as when the key may make this request, else null (401).
   */
  scopedKeys: Array<(key: string, method: string, pathname: string) => string | null>;
};
