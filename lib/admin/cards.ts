import type Stripe from "stripe";
import { lastAuditData } from "@/db/queries/audit-log";
import { getBusiness } from "@/db/queries/businesses";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyCard } from "@/lib/events/read-models";
import type { AdminDeps } from "./deps";
import { type BusinessIdInput } from "./schemas";
import { stripeFailure } from "@/lib/stripe/errors";

export type CardsChanged = { cardIds: string[] };
export const FROZEN_ACTION = "admin.cards.frozen";

async function cardsOf(
  stripe: Stripe,
  accountId: string,
  status: "active" | "inactive",
): Promise<Stripe.Issuing.Card[]> {
  const out: Stripe.Issuing.Card[] = [];
  for await (const card of stripe.issuing.cards.list({ status, limit: 100 }, { stripeAccount: accountId }))
    out.push(card);
  return out;
}

async function setStatus(
  deps: AdminDeps,
  accountId: string,
  ids: string[],
  status: "active" | "inactive",
): Promise<void> {
  for (const id of ids) {
    const card = await deps.stripe.issuing.cards.update(id, { status }, { stripeAccount: accountId });
    await applyCard(deps.db, accountId, card, new Date());
  }
}

async function accountOf(deps: AdminDeps, businessId: string): Promise<string | null> {
  const b = await getBusiness(deps.db, { businessId });
  return b?.stripeAccountId ?? null;
}

/** Freezes every active card of the business (listed from Stripe: the read model may lag). */
export async function freezeCards(deps: AdminDeps, input: BusinessIdInput): Promise<ActionResult<CardsChanged>> {
  const acct = await accountOf(deps, input.businessId);
  if (!acct) return fail("not_found");
  try {
    const ids = (await cardsOf(deps.stripe, acct, "active")).map((c) => c.id);
    await setStatus(deps, acct, ids, "inactive");
    return ok({ cardIds: ids });
  } catch (err) {
    return stripeFailure(err, { field: "_form" }).result;
  }
}

/**
 * Unfreezes the cards the last admin freeze froze, and no others: a card the business froze
 * itself stays frozen.
 */
export async function unfreezeCards(deps: AdminDeps, input: BusinessIdInput): Promise<ActionResult<CardsChanged>> {
  const acct = await accountOf(deps, input.businessId);
  if (!acct) return fail("not_found");
  const last = await lastAuditData(deps.db, { businessId: input.businessId, action: FROZEN_ACTION });
  const frozen = new Set(((last?.cardIds as string[] | undefined) ?? []).map(String));
  try {
    const ids = (await cardsOf(deps.stripe, acct, "inactive")).map((c) => c.id).filter((id) => frozen.has(id));
    await setStatus(deps, acct, ids, "active");
    return ok({ cardIds: ids });
  } catch (err) {
    return stripeFailure(err, { field: "_form" }).result;
  }
}
