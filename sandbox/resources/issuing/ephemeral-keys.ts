import type { Kernel } from "../../kernel";
import { invalidRequest } from "../../wire/errors";
import { randomToken } from "../../store/ids";

import { loadCard, owned, TABLES } from "./common";
import { takeNonce } from "./nonces";

/**
 * Ephemeral keys for Issuing Elements and the embedded card view (`issuing_card` + a `nonce` that
 * Stripe.js minted for that card, `nonces.ts`, used up here). The `secret` (`ek_test_…`) then works
 * as an API key for exactly one request shape: `GET /v1/issuing/cards/<that card>` (with
 * `expand[]=number&expand[]=cvc`), as the card's account, and for the Issuing Elements stand-in's
 * reads together with its nonce (`elements/issuing/`), until `expires` on the sandbox clock or
 * until the key is deleted.
 */
type Key = {
  id: string;
  object: "ephemeral_key";
  associated_objects: Array<{ id: string; type: string }>;
  created: number;
  expires: number;
  livemode: false;
  secret?: string;
};
type KeyExtra = { secret: string; card: string; nonce: string };
const SECRETS = "ephemeral_key_secrets";
/** [guess] Stripe does not document the lifetime of Issuing ephemeral keys; an hour is plenty for a card view. */
const TTL_S = 3600;

export function registerEphemeralKeys(kernel: Kernel): void {
  kernel.router.add(
    {
      method: "POST",
      path: "/v1/ephemeral_keys",
      handler: (ctx) => {
        const p = ctx.params;
        if (!p.issuing_card)
          throw invalidRequest(
            "The sandbox makes ephemeral keys for Issuing cards only: pass issuing_card (and nonce).",
            { param: "issuing_card" },
          );
        if (!p.nonce)
          throw invalidRequest("Missing required param: nonce (from stripe.createEphemeralKeyNonce).", {
            param: "nonce",
            code: "parameter_missing",
          });
        // docs.stripe.com/issuing/elements: "specify an API version of 2020-03-02 or later".
        if (ctx.apiVersion < "2020-03-02")
          throw invalidRequest(
            `Ephemeral keys for Issuing cards need API version 2020-03-02 or later; this request used ${ctx.apiVersion}.`,
          );
        const card = loadCard(ctx, String(p.issuing_card), "issuing_card");
        const id = ctx.id("ephkey");
        takeNonce(ctx, String(p.nonce), card.data.id, id);
        const secret = `ek_test_${randomToken(ctx.tx, 96)}`;
        const key: Key = {
          id,
          object: "ephemeral_key",
          associated_objects: [{ id: card.data.id, type: "issuing.card" }],
          created: ctx.now,
          expires: ctx.now + TTL_S,
          livemode: false,
        };
        ctx.tx.put<Key>(TABLES.ephemeralKeys, key.id, {
          owner: ctx.account,
          data: key,
          extra: { secret, card: card.data.id, nonce: String(p.nonce) } satisfies KeyExtra,
        });
        ctx.tx.put(SECRETS, secret, { owner: ctx.account, data: { key: key.id } });
        return { ...key, secret };
      },
    },
    {
      method: "DELETE",
      path: "/v1/ephemeral_keys/:id",
      handler: (ctx) => {
        const row = owned<Key>(ctx, TABLES.ephemeralKeys, ctx.path.id ?? "", "ephemeral_key");
        const key = { ...row.data, expires: Math.min(row.data.expires, ctx.now) };
        ctx.tx.put(TABLES.ephemeralKeys, key.id, { ...row, data: key });
        return key;
      },
    },
  );
  kernel.scopedKeys.push((secret, method, pathname) => {
    const key = liveKey(kernel, secret);
    return key && method === "GET" && pathname === `/v1/issuing/cards/${key.card}` ? key.account : null;
  });
}

/** What a live (unexpired, undeleted) ephemeral key secret may read: its card, as its account, with its nonce. */
export function liveKey(kernel: Kernel, secret: string): { account: string; card: string; nonce: string } | null {
  const ref = kernel.store.get<{ key: string }>(SECRETS, secret);
  const row = ref && kernel.store.get<Key>(TABLES.ephemeralKeys, ref.data.key);
  const extra = row?.extra as KeyExtra | undefined;
  if (!row || !extra || row.data.expires <= kernel.clock.now()) return null;
  return { account: row.owner, card: extra.card, nonce: extra.nonce };
}
