import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { listV1 } from "../../wire/list";
import { randomToken } from "../../store/ids";
import { newestFirst } from "../common";
import { emitSaved, loadCard, owned, type Json } from "./common";
import { digits, walletContact } from "./card-model";

/**
 * Issuing tokens: a card added to a digital wallet (docs.stripe.com/issuing/cards/digital-wallets).
 * Stripe makes them when a cardholder adds the card in a wallet app; here the control
 * `POST /_sandbox/issuing/cards/:id/tokens` does (`provisionToken`). The API lists them by card,
 * retrieves them and moves their status: active ⇄ suspended, either → deleted (final) [guess: Stripe
 * documents the statuses, not which moves it allows].
 */
type Token = Stripe.Issuing.Token;
export const TOKENS = "issuing_tokens";
const WALLETS = ["apple_pay", "google_pay", "samsung_pay"] as const;
const DEVICES = ["phone", "watch", "other"] as const;
const MOVES: Record<string, string[]> = { active: ["suspended", "deleted"], suspended: ["active", "deleted"] };

function save(ctx: Ctx, owner: string, before: Token | null, next: Token): Token {
  ctx.tx.put<Token>(TOKENS, next.id, { owner, data: next });
  emitSaved(ctx, "issuing_token", before, next);
  return next;
}

/** The control's work: a new `active` token of `card` in a wallet on a device; refused for a canceled card or a cardholder without phone and email. */
export function provisionToken(ctx: Ctx, cardId: string, p: Json): Token {
  const card = loadCard(ctx, cardId);
  const wallet = String(p.wallet_provider ?? "apple_pay");
  const device = String(p.device_type ?? "phone");
  if (!WALLETS.includes(wallet as (typeof WALLETS)[number]))
    throw invalidRequest(`wallet_provider must be one of ${WALLETS.join(", ")}.`, { param: "wallet_provider" });
  if (!DEVICES.includes(device as (typeof DEVICES)[number]))
    throw invalidRequest(`device_type must be one of ${DEVICES.join(", ")}.`, { param: "device_type" });
  if (card.data.status === "canceled")
    throw invalidRequest(`The card ${cardId} is canceled; a canceled card cannot be added to a wallet.`);
  const holderId = card.data.cardholder as unknown as string;
  const holder = ctx.tx.get<Stripe.Issuing.Cardholder>("issuing_cardholders", holderId)?.data;
  if (!walletContact(holder))
    throw invalidRequest(
      `Card not supported: the wallet sends a verification code to the cardholder's phone_number or email, and cardholder ${holderId} has neither. Add one to the cardholder first.`,
      { code: "missing_cardholder_contact" },
    );
  const fingerprint = randomToken(ctx.tx, 24);
  const token = {
    id: ctx.id("intok"),
    object: "issuing.token",
    card: card.data.id,
    created: ctx.now,
    device_fingerprint: fingerprint,
    last4: digits(ctx, 4),
    livemode: false,
    network: "visa",
    network_data: {
      device: {
        device_fingerprint: fingerprint,
        name: typeof p.device_name === "string" && p.device_name ? p.device_name : `Sandbox ${device}`,
        type: device,
      },
      type: "visa",
      visa: {
        card_reference_id: `V-${randomToken(ctx.tx, 20)}`,
        token_reference_id: `DNITHE${randomToken(ctx.tx, 20)}`,
        // [guess] the requestor ids Visa assigns the wallets; any 11 digits would do.
        token_requestor_id:
          wallet === "apple_pay" ? "40010030273" : wallet === "google_pay" ? "40010075001" : "40010043095",
        token_risk_score: "00",
      },
      wallet_provider: {
        card_number_source: "app",
        cardholder_name: holder?.name ?? "",
        suggested_decision: "approve",
      },
    },
    network_updated_at: ctx.now,
    status: "active",
    wallet_provider: wallet,
  } as Token;
  return save(ctx, card.owner, null, token);
}

function update(ctx: Ctx): Token {
  const row = owned<Token>(ctx, TOKENS, ctx.path.id ?? "", "issuing.token");
  const to = String(ctx.params.status);
  const from = row.data.status;
  if (to === from) return row.data;
  if (!(MOVES[from] ?? []).includes(to))
    throw invalidRequest(`The token ${row.data.id} is ${from}; it cannot become ${to}.`, { param: "status" });
  if (to === "active" && loadCard(ctx, row.data.card as string).data.status === "canceled")
    throw invalidRequest("The token's card is canceled; its tokens cannot be resumed.", { param: "status" });
  return save(ctx, row.owner, row.data, {
    ...structuredClone(row.data),
    status: to as Stripe.Issuing.Token.Status,
    network_updated_at: ctx.now,
  });
}

export function registerTokenRoutes(kernel: Kernel): void {
  const base = "/v1/issuing/tokens";
  kernel.router.add(
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const card = loadCard(ctx, String(ctx.params.card), "card").data.id;
        const status = ctx.params.status;
        return listV1(
          newestFirst<Token>(ctx, TOKENS, (r) => r.data.card === card && (!status || r.data.status === status)),
          ctx.params,
          base,
          "issuing.token",
        );
      },
    },
    {
      method: "GET",
      path: `${base}/:id`,
      handler: (ctx) => owned<Token>(ctx, TOKENS, ctx.path.id ?? "", "issuing.token").data,
    },
    { method: "POST", path: `${base}/:id`, handler: update },
  );
}
