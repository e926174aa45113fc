import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import type { Row } from "../../store/store";
import { emitEvent } from "../../events/bus";
import { previousAttributes } from "../../events/diff";
import { CAPABILITIES } from "./params";
import { capabilityObject, recompute, type AccountExtra } from "./model";
import { v2AwaitingVerification } from "../v2-accounts/view";

export const ACCOUNTS = "accounts";
export type AccountRow = Row<Stripe.Account> & { extra: AccountExtra };

export function loadAccount(ctx: Ctx, id: string): AccountRow | undefined {
  const row = ctx.tx.get<Stripe.Account>(ACCOUNTS, id) as AccountRow | undefined;
  return row && row.owner === ctx.platform ? row : undefined;
}

export function cloneRow(row: AccountRow): AccountRow {
  return structuredClone(row);
}

/**
 * Recomputes derived fields, stores the account and emits what changed:
 * `account.updated` (with previous_attributes) and one `capability.updated` per capability
 * whose status or request changed. Events carry `account` because they concern a connected account.
 */
export function saveAccount(ctx: Ctx, before: AccountRow | null, next: AccountRow): void {
  recompute(next.data, next.extra);
  ctx.tx.put(ACCOUNTS, next.data.id, next);
  if (before) {
    const prev = previousAttributes(
      before.data as unknown as Record<string, unknown>,
      next.data as unknown as Record<string, unknown>,
    );
    if (prev)
      emitEvent(ctx, "account.updated", next.data as unknown as Record<string, unknown>, {
        account: next.data.id,
        previous_attributes: prev,
      });
  }
  for (const name of CAPABILITIES) {
    const old = before ? capabilityObject(before.data, before.extra, name) : null;
    const now = capabilityObject(next.data, next.extra, name);
    if (!now.requested && !old?.requested) continue;
    if (old && old.status === now.status && old.requested === now.requested) continue;
    const prevAttrs = old
      ? previousAttributes(
          { status: old.status, requested: old.requested },
          { status: now.status, requested: now.requested },
        )
      : null;
    emitEvent(ctx, "capability.updated", now as unknown as Record<string, unknown>, {
      account: next.data.id,
      previous_attributes: prevAttrs,
    });
  }
  for (const l of ctx.kernel.accountChanged) l(ctx, before, next);
  const waiting =
    Object.values(next.data.capabilities ?? {}).includes("pending") || v2AwaitingVerification(next.data, next.extra);
  if (waiting && next.extra.kyc === "approve")
    ctx.afterCommit(() => ctx.kernel.accountPending.forEach((l) => l(next.data.id)));
}
