import type Stripe from "stripe";
import { eventRow } from "@/db/queries/events";
import { provisionOnActivation } from "@/lib/businesses/provision";
import { v2Request } from "@/lib/stripe/v2";
import {
  accountTouched,
  applySnapshotEvent,
  financialAccountTouched,
  issuingBalanceTouched,
  tokenTouched,
  treasuryTransactionTouched,
  walletTouched,
  type Prefetched,
} from "./apply";
import { reply, verifiedDelivery, storeOnce, wrongReceiver, type ReceiverDeps, type WebhookResult } from "./ingest";

/**
 * A related object we'd like to refresh alongside the event. Stripe refusing it (say, a v2
 * financial account asked for through the v1 Treasury API) must not block the event itself;
 * only a failure a retry could fix (network, 5xx) is passed on, so the delivery is retried.
 */
async function optional<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (err) {
    if (
      (err as { type?: string }).type === "StripeInvalidRequestError" ||
      (err as { type?: string }).type === "StripePermissionError"
    )
      return undefined;
    throw err;
  }
}

/** What a snapshot event needs read fresh from Stripe: balances and ledger lines change without their own event. */
async function prefetch(stripe: Stripe, event: Stripe.Event): Promise<Prefetched> {
  const prefetched: Prefetched = {};
  const fa = financialAccountTouched(event);
  if (fa && event.account)
    prefetched.financialAccount = await optional(
      stripe.treasury.financialAccounts.retrieve(fa, {}, { stripeAccount: event.account }),
    );
  const wallet = walletTouched(event);
  if (wallet && event.account)
    prefetched.wallet = await optional(
      v2Request(stripe, "GET", `/v2/money_management/financial_accounts/${encodeURIComponent(wallet)}`, undefined, {
        account: event.account,
      }),
    );
  if (issuingBalanceTouched(event) && event.account)
    prefetched.balance = await optional(stripe.balance.retrieve({}, { stripeAccount: event.account }));
  const trxn = treasuryTransactionTouched(event);
  if (trxn && event.account)
    prefetched.transaction = await optional(
      stripe.treasury.transactions.retrieve(trxn, {}, { stripeAccount: event.account }),
    );
  const acct = accountTouched(event);
  // Best effort: the event's own snapshot is applied either way.
  if (acct) {
    const fresh = await stripe.accounts.retrieve(acct).catch(() => undefined);
    if (fresh?.id === acct) prefetched.account = fresh;
  }
  const token = tokenTouched(event);
  if (token && event.account) {
    const fresh = await stripe.issuing.tokens
      .retrieve(token, {}, { stripeAccount: event.account })
      .catch(() => undefined);
    if (fresh?.id === token) prefetched.token = fresh;
  }
  return prefetched;
}

/**
 * The snapshot event destination's receiver: v1 events (`object: "event"`) of the platform and its
 * connected accounts, verified with STRIPE_SNAPSHOT_WEBHOOK_SECRET, stored once and applied to the
 * read models. It never answers a real-time authorization request: that is the authorization
 * endpoint's job (a destination subscribed to `issuing_authorization.request` is acknowledged and
 * ignored). A ping of the destination (a thin `v2.core.event_destination.ping`) is acknowledged.
 */
export async function handleSnapshotEvent(
  deps: ReceiverDeps,
  rawBody: string,
  signature: string | null,
): Promise<WebhookResult> {
  const checked = verifiedDelivery(deps, rawBody, signature);
  if ("refused" in checked) return checked.refused;
  const { peek } = checked;
  if (peek.object === "v2.core.event") {
    if (peek.type === "v2.core.event_destination.ping") return reply(200, { received: true, ping: true });
    return wrongReceiver("snapshot (v1) events; thin events go to the thin event destination");
  }
  if (peek.object !== "event") return wrongReceiver("snapshot (v1) events");
  const event = peek as Stripe.Event;
  if (event.type === "issuing_authorization.request")
    return reply(200, {
      received: true,
      ignored: "real-time authorization requests are answered by the authorization endpoint",
    });
  const now = deps.now?.() ?? new Date();
  return storeOnce(
    deps.db,
    eventRow(event, now),
    async () => {
      const prefetched = await prefetch(deps.stripe, event);
      // An account's activation is reported by its events: what it allows is set up here (once).
      const acct = accountTouched(event);
      if (acct) await provisionOnActivation(deps.db, deps.stripe, acct);
      return prefetched;
    },
    (tx, prefetched) => applySnapshotEvent(tx, event, prefetched),
  );
}
