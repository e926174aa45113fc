import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { randomToken } from "../../store/ids";
import { emitSaved, TABLES, type CardExtra, type CardRow } from "./common";

/**
 * Card numbers, rendering and saving. Cards are stored with `cardholder` as an id and rendered
 * with the cardholder embedded as it is now (Stripe always embeds it).
 */
export function digits(ctx: Ctx, n: number): string {
  return Array.from(randomToken(ctx.tx, n), (ch) => String(ch.charCodeAt(0) % 10)).join("");
}

/** A Visa test number `400000…` with a valid Luhn check digit. */
export function cardNumber(ctx: Ctx): string {
  const body = `400000${digits(ctx, 9)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export function renderCard(ctx: Ctx, row: { data: Stripe.Issuing.Card }): Stripe.Issuing.Card {
  const holderId = row.data.cardholder as unknown as string;
  const holder = ctx.tx.get<Stripe.Issuing.Cardholder>(TABLES.cardholders, holderId)?.data;
  return {
    ...row.data,
    cardholder: holder ?? (holderId as unknown as Stripe.Issuing.Cardholder),
    wallets: walletsOf(holder),
  };
}

/**
 * Wallet eligibility as the cardholder is now: a wallet verifies the cardholder by "phone_number or
 * email", and "a 'card not supported' error displays if neither field is set"
 * (docs.stripe.com/issuing/cards/digital-wallets).
 */
export const walletContact = (holder: Stripe.Issuing.Cardholder | undefined): boolean =>
  !!(holder?.phone_number || holder?.email);

function walletsOf(holder: Stripe.Issuing.Cardholder | undefined): Stripe.Issuing.Card.Wallets {
  const eligible = walletContact(holder);
  const wallet = { eligible, ineligible_reason: eligible ? null : ("missing_cardholder_contact" as const) };
  return { apple_pay: wallet, google_pay: { ...wallet }, primary_account_identifier: null };
}

/** Stores a card and emits `issuing_card.created` / `.updated` (with `previous_attributes`). */
export function saveCard(
  ctx: Ctx,
  before: CardRow | null,
  next: Stripe.Issuing.Card,
  extra: CardExtra,
): Stripe.Issuing.Card {
  const row = { owner: before?.owner ?? ctx.account, data: next, extra };
  ctx.tx.put(TABLES.cards, next.id, row);
  const rendered = renderCard(ctx, row);
  emitSaved(ctx, "issuing_card", before && before.data, next, rendered);
  return rendered;
}

/** Whether the card has expired on the sandbox clock (it is valid through the end of its expiry month, UTC). */
export function isExpired(card: Stripe.Issuing.Card, nowMs: number): boolean {
  return nowMs >= Date.UTC(card.exp_year, card.exp_month, 1);
}
