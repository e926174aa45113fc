import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { applyPayoutSnapshot } from "@/lib/payouts/apply-event";
import { applyAccountV2, applyFinancialAccountV2, applyOutboundV2 } from "./read-models-v2";

type Json = Record<string, unknown>;
type Note = { id: string; type: string; created: string; context?: unknown; related_object?: { id: string; type: string; url: string } | null };

export const V2_PREVIEW_VERSION = "2025-12-15.preview";
const ACCOUNT_INCLUDES = ["configuration.merchant", "configuration.storer", "configuration.card_creator", "identity", "requirements"];

export type ThinFetch = { related: Json | null; financialAccount: Json | null };

/**
 * Fetches what a thin event points at, the way the SDK documents (outside any transaction), and
 * for money movements the financial account too, since its balance changed with them.
 */
export async function fetchThinObject(stripe: Stripe, notification: Stripe.V2.Core.EventNotification): Promise<ThinFetch> {
  const note = notification as unknown as Note;
  const target = note.related_object;
  if (!target) return { related: null, financialAccount: null };
  const context = note.context ? String(note.context) : undefined;
  const get = async (url: string) =>
    (await stripe.rawRequest("GET", url, undefined, { apiVersion: V2_PREVIEW_VERSION, ...(context ? { stripeContext: context } : {}) })) as unknown as Json;
  if (target.type === "v2.core.account") {
    const query = ACCOUNT_INCLUDES.map((inc, i) => `include[${i}]=${encodeURIComponent(inc)}`).join("&");
    return { related: await get(`/v2/core/accounts/${encodeURIComponent(target.id)}?${query}`), financialAccount: null };
  }
  if (!target.type.startsWith("v2.money_management.")) return { related: null, financialAccount: null };
  const related = await get(target.url);
  const from = related.from as Json | undefined;
  const faId = typeof related.financial_account === "string" ? related.financial_account : typeof from?.financial_account === "string" ? from.financial_account : null;
  const financialAccount = faId && related.object !== "v2.money_management.financial_account" ? await get(`/v2/money_management/financial_accounts/${encodeURIComponent(faId)}`) : null;
  return { related, financialAccount };
}

/** Applies a thin event using the object fetched for it (inside the caller's transaction). */
export async function applyThinEvent(db: DbOrTx, notification: Stripe.V2.Core.EventNotification, fetched: ThinFetch): Promise<void> {
  const { related, financialAccount } = fetched;
  if (!related) return;
  const note = notification as unknown as Note;
  // Fetched after the event, so at least as new as it.
  const sourceAt = new Date(Math.max(Date.parse(note.created) || 0, Date.now()));
  const accountId = note.context ? String(note.context) : null;
  const kind = String(related.object ?? note.related_object?.type ?? "");
  if (kind === "v2.core.account") return applyAccountV2(db, related, sourceAt);
  if (!accountId) return;
  if (financialAccount) await applyFinancialAccountV2(db, accountId, financialAccount, sourceAt);
  if (kind === "v2.money_management.financial_account") return applyFinancialAccountV2(db, accountId, related, sourceAt);
  if (kind === "v2.money_management.outbound_payment") return applyOutboundV2(db, accountId, related, "v2_outbound_payment", sourceAt);
  if (kind === "v2.money_management.outbound_transfer") {
    await applyOutboundV2(db, accountId, related, "v2_outbound_transfer", sourceAt);
    return applyPayoutSnapshot(db, related);
  }
}
