import { answerOf, type Control } from "../../money-controls";
import { ApiError } from "../../wire/errors";
import { emitEvent } from "../../events/bus";
import { runNow } from "../later";
import { asAccount } from "../treasury/common";
import { TABLES } from "./common";
import { closeDispute } from "./disputes";
import { provisionToken } from "./tokens";

/**
 * `/_sandbox/issuing/…` controls:
 * - `POST /_sandbox/issuing/disputes/:id/close {"status":"won"|"lost"}` decides a submitted dispute
 *   (with `issuing_dispute_outcome: "manual"`);
 * - `POST /_sandbox/issuing/cardholders/:id/block` sets a cardholder `blocked` (Stripe does this itself; its cards then decline `cardholder_blocked`);
 * - `POST /_sandbox/issuing/cards/:id/tokens {"wallet_provider", "device_type", "device_name"}` adds the card to a
 *   wallet, as a cardholder does in the wallet's app (`tokens.ts`).
 */
export const issuingControl: Control = async (kernel, method, pathname, params) => {
  if (method !== "POST") return null;
  const wallet = /^\/_sandbox\/issuing\/cards\/([^/]+)\/tokens$/.exec(pathname);
  if (wallet) {
    const id = decodeURIComponent(wallet[1] ?? "");
    const card = kernel.store.get(TABLES.cards, id);
    if (!card) return { status: 404, body: { error: { message: `No such issuing.card: ${id}` } } };
    return answerOf(() => runNow(kernel, (sys) => provisionToken(asAccount(sys, card.owner), id, params)));
  }
  const dispute = /^\/_sandbox\/issuing\/disputes\/([^/]+)\/close$/.exec(pathname);
  const block = /^\/_sandbox\/issuing\/cardholders\/([^/]+)\/block$/.exec(pathname);
  const id = decodeURIComponent((dispute ?? block)?.[1] ?? "");
  const table = dispute ? TABLES.disputes : block ? TABLES.cardholders : null;
  if (!table) return null;
  const row = kernel.store.get(table, id);
  if (!row) return { status: 404, body: { error: { message: `No such object: ${id}` } } };
  return answerOf(() =>
    runNow(kernel, (sys) => {
      const ctx = asAccount(sys, row.owner);
      if (dispute) {
        if (params.status !== "won" && params.status !== "lost")
          throw new ApiError(400, { type: "invalid_request_error", message: "status must be won or lost" });
        return closeDispute(ctx, id, params.status);
      }
      const next = { ...structuredClone(row.data), status: "blocked" };
      ctx.tx.put(table, id, { ...row, data: next });
      emitEvent(ctx, "issuing_cardholder.updated", next, { previous_attributes: { status: row.data.status } });
      return next;
    }),
  );
};
