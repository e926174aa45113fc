import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { ApiError, referenceMissing, resourceMissing } from "../../wire/errors";
import type { Row } from "../../store/store";
import { emitEvent } from "../../events/bus";
import { previousAttributes } from "../../events/diff";
import { loadAccount } from "../accounts/store";
import { v2CapabilityStatus, type V2State } from "../v2-accounts/view";

/** Tables and shared shapes of sandbox Issuing. */
export const TABLES = {
  cardholders: "issuing_cardholders",
  cards: "issuing_cards",
  auths: "issuing_authorizations",
  txns: "issuing_transactions",
  disputes: "issuing_disputes",
  spend: "issuing_spend",
  balanceTxns: "balance_transactions",
  ephemeralKeys: "ephemeral_keys",
} as const;

export type Json = Record<string, unknown>;
export type Funding = {
  kind: "issuing_balance" | "financial_account" | "financial_account_v2";
  holder: string;
  currency: string;
};
export type CardExtra = {
  number: string;
  cvc: string;
  pin: string;
  funding: Funding;
  /** Non-zero payments approved so far (for `lifecycle_controls.cancel_after`). */
  payments?: number;
};
export type CardRow = Row<Stripe.Issuing.Card> & { extra: CardExtra };
export type CardholderRow = Row<Stripe.Issuing.Cardholder>;

/** The merchant's country and category as an authorization request carries them. */
export type Merchant = Stripe.Issuing.Authorization.MerchantData;

/**
 * The event of a save: `<type>.created` when there was no `before`, else `<type>.updated` with the
 * diff of the stored data as `previous_attributes` (no event when nothing changed). The event carries
 * `shown`, what the API answers; `fixPrev` lets a caller put rendered values into the diff.
 */
export function emitSaved(
  ctx: Ctx,
  type: string,
  before: object | null,
  next: object,
  shown: object = next,
  fixPrev?: (prev: Json) => void,
): void {
  if (!before) {
    emitEvent(ctx, `${type}.created`, shown as Json);
    return;
  }
  const prev = previousAttributes(before as Json, next as Json);
  if (!prev) return;
  fixPrev?.(prev);
  emitEvent(ctx, `${type}.updated`, shown as Json, { previous_attributes: prev });
}

/** A row the acting account owns: 404 when addressed in the URL, 400 naming `param` when named in the body. */
export function owned<T>(ctx: Ctx, table: string, id: string, objectName: string, param?: string): Row<T> {
  const row = ctx.tx.get<T>(table, id);
  if (!row || row.owner !== ctx.account)
    throw param ? referenceMissing(objectName, id, param) : resourceMissing(objectName, id);
  return row;
}

export const loadCard = (ctx: Ctx, id: string, param?: string) =>
  owned<Stripe.Issuing.Card>(ctx, TABLES.cards, id, "issuing.card", param) as CardRow;
export const loadCardholder = (ctx: Ctx, id: string, param?: string): CardholderRow =>
  owned<Stripe.Issuing.Cardholder>(ctx, TABLES.cardholders, id, "issuing.cardholder", param);

/** Connected accounts need the `card_issuing` capability active to issue; the platform may always. */
export function issuingActive(ctx: Ctx): boolean {
  if (!ctx.isConnected) return true;
  const row = loadAccount(ctx, ctx.account);
  if (!row) return false;
  if (row.data.capabilities?.card_issuing === "active") return true;
  // A v2 account issues through its card_creator configuration (the stablecoin program).
  const v2 = row.extra.v2 as V2State | undefined;
  return !!v2?.configuration.card_creator?.length && v2CapabilityStatus(row.data, row.extra).status === "active";
}

/**
 * Whether the account issues through its `card_creator` configuration's Lead Bank program (the
 * stablecoin guide: cards spend a v2 financial account, cardholders accept Lead's terms) rather
 * than through v1 `card_issuing` (Celtic's program, with Celtic's authorized user terms).
 */
export function issuesThroughLead(ctx: Ctx, accountId: string): boolean {
  const row = loadAccount(ctx, accountId);
  const v2 = row?.extra.v2 as V2State | undefined;
  return !!v2?.configuration.card_creator?.some((c) => c.startsWith("commercial.lead."));
}

export function requireIssuing(ctx: Ctx): void {
  if (issuingActive(ctx)) return;
  const status = loadAccount(ctx, ctx.account)?.data.capabilities?.card_issuing ?? "unrequested";
  throw new ApiError(400, {
    type: "invalid_request_error",
    code: "account_invalid",
    message: `The account ${ctx.account} cannot use Issuing: its \`card_issuing\` capability is ${status}. Request \`capabilities[card_issuing][requested]=true\` and complete the account's requirements, then retry.`,
  });
}

/** Days since the epoch in UTC, the unit spending windows are built from. */
export const dayOf = (ms: number) => Math.floor(ms / 86_400_000);
