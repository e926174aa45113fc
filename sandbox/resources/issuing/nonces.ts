import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { randomToken } from "../../store/ids";

/**
 * Ephemeral key nonces, as Stripe.js's `createEphemeralKeyNonce({ issuingCard })` mints them in the
 * browser (docs.stripe.com/js/issuing/create_ephemeral_key_nonce): "a single-use token that creates
 * an ephemeral key", usable "only to retrieve this Issuing card". The sandbox's Stripe.js stand-in
 * mints them here; `POST /v1/ephemeral_keys` takes each one once, for its card only.
 */
export const NONCES = "issuing_ephemeral_key_nonces";
/** [guess] Stripe does not document how long an unused nonce lasts; ten minutes covers a page asking its server for a key. */
const NONCE_TTL_S = 600;

type Nonce = { card: string; created: number; expires: number; used_by: string | null };

/** A nonce for `card` (not checked here: minting reveals nothing, and the key's creator must own the card). */
export function mintNonce(ctx: Ctx, card: string): string {
  const nonce = `ephkn_pub_${randomToken(ctx.tx, 32)}`;
  ctx.tx.put<Nonce>(NONCES, nonce, {
    owner: "",
    data: { card, created: ctx.now, expires: ctx.now + NONCE_TTL_S, used_by: null },
  });
  return nonce;
}

/** Uses `nonce` up for the key `keyId` on `card`; a nonce the sandbox never minted, for another card, used or expired is refused. */
export function takeNonce(ctx: Ctx, nonce: string, card: string, keyId: string): void {
  const row = ctx.tx.get<Nonce>(NONCES, nonce);
  // [guess] Stripe's wording for these refusals is not documented; the parameter is.
  const refuse = (why: string) => invalidRequest(`Invalid nonce: ${why}`, { param: "nonce" });
  if (!row)
    throw refuse(
      "it was not created by stripe.createEphemeralKeyNonce (Stripe.js mints nonces in the browser; a made-up value is not one).",
    );
  if (row.data.card !== card) throw refuse(`it was created for another Issuing card, not ${card}.`);
  if (row.data.used_by) throw refuse("it has already been used to create an ephemeral key; nonces are single-use.");
  if (row.data.expires <= ctx.now)
    throw refuse("it has expired; create a new one with stripe.createEphemeralKeyNonce.");
  ctx.tx.put<Nonce>(NONCES, nonce, { ...row, data: { ...row.data, used_by: keyId } });
}
