import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { businessesWithAccounts, getBusiness } from "@/db/queries/businesses";
import type { Business } from "@/db/schema";
import { V2_PREVIEW_VERSION } from "@/lib/stripe/v2";
import {
  applyAccountV1,
  applyAuthorization,
  applyCard,
  applyCardholder,
  applyDispute,
  applyIssuingBalance,
  applyIssuingBalanceMove,
  applyIssuingTransaction,
  applyToken,
  applyTreasuryFinancialAccount,
  applyTreasuryOutbound,
  applyTreasuryTransaction,
} from "./read-models";
import { applyAccountV2, applyFinancialAccountV2, applyOutboundV2 } from "./read-models-v2";

type Json = Record<string, unknown>;
export type ReconcileCounts = Record<string, number>;

async function v2List(stripe: Stripe, path: string, accountId: string): Promise<Json[]> {
  const out: Json[] = [];
  let url: string | null = path;
  while (url) {
    const page = (await stripe.rawRequest("GET", url, undefined, {
      apiVersion: V2_PREVIEW_VERSION,
      stripeContext: accountId,
    })) as unknown as { data: Json[]; next_page_url: string | null };
    out.push(...page.data);
    url = page.next_page_url;
  }
  return out;
}

/**
 * Rebuilds one business's read models from the API: for recovery after missed events, and for
 * platforms that start with existing accounts. Safe to run at any time (rows only move forward).
 */
export async function reconcileBusiness(db: DbOrTx, stripe: Stripe, business: Business): Promise<ReconcileCounts> {
  const accountId = business.stripeAccountId;
  if (!accountId) return {};
  const sourceAt = new Date();
  const counts: ReconcileCounts = {};
  const bump = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const opts = { stripeAccount: accountId };

  if (business.fundingModel === "stablecoin") {
    const includes = [
      "configuration.merchant",
      "configuration.storer",
      "configuration.card_creator",
      "identity",
      "requirements",
    ];
    const q = includes.map((inc, i) => `include[${i}]=${encodeURIComponent(inc)}`).join("&");
    const account = (await stripe.rawRequest("GET", `/v2/core/accounts/${accountId}?${q}`, undefined, {
      apiVersion: V2_PREVIEW_VERSION,
    })) as unknown as Json;
    await applyAccountV2(db, account, sourceAt);
    bump("accounts");
    for (const fa of await v2List(stripe, "/v2/money_management/financial_accounts", accountId)) {
      await applyFinancialAccountV2(db, accountId, fa, sourceAt);
      bump("financial_accounts");
    }
    for (const [path, kind] of [
      ["/v2/money_management/outbound_payments", "v2_outbound_payment"],
      ["/v2/money_management/outbound_transfers", "v2_outbound_transfer"],
    ] as const) {
      for (const o of await v2List(stripe, path, accountId)) {
        await applyOutboundV2(db, accountId, o, kind, sourceAt);
        bump("payouts");
      }
    }
  } else {
    await applyAccountV1(db, await stripe.accounts.retrieve(accountId), sourceAt);
    bump("accounts");
    if (business.fundingModel === "issuing_balance") {
      await applyIssuingBalance(db, accountId, await stripe.balance.retrieve({}, opts), sourceAt);
      bump("financial_accounts");
      for await (const t of stripe.topups.list({ limit: 100 }, opts)) {
        await applyIssuingBalanceMove(db, accountId, t, sourceAt);
        bump("money_transactions");
      }
      for await (const p of stripe.payouts.list({ limit: 100 }, opts)) {
        await applyIssuingBalanceMove(db, accountId, p, sourceAt);
        bump("money_transactions");
      }
    }
    if (business.fundingModel === "treasury") {
      for await (const fa of stripe.treasury.financialAccounts.list({ limit: 100 }, opts)) {
        await applyTreasuryFinancialAccount(db, accountId, fa, sourceAt);
        bump("financial_accounts");
        const scoped = { financial_account: fa.id, limit: 100 };
        for await (const p of stripe.treasury.outboundPayments.list(scoped, opts)) {
          await applyTreasuryOutbound(db, accountId, p, "outbound_payment", sourceAt);
          bump("payouts");
        }
        for await (const t of stripe.treasury.outboundTransfers.list(scoped, opts)) {
          await applyTreasuryOutbound(db, accountId, t, "outbound_transfer", sourceAt);
          bump("payouts");
        }
        for await (const t of stripe.treasury.transactions.list(scoped, opts)) {
          await applyTreasuryTransaction(db, accountId, t, sourceAt);
          bump("money_transactions");
        }
      }
    }
  }

  for await (const h of stripe.issuing.cardholders.list({ limit: 100 }, opts)) {
    await applyCardholder(db, accountId, h, sourceAt);
    bump("cardholders");
  }
  for await (const c of stripe.issuing.cards.list({ limit: 100 }, opts)) {
    await applyCard(db, accountId, c, sourceAt);
    bump("cards");
    // Tokens are listed per card (Stripe's list requires `card`).
    for await (const t of stripe.issuing.tokens.list({ card: c.id, limit: 100 }, opts)) {
      await applyToken(db, accountId, t, sourceAt);
      bump("tokens");
    }
  }
  for await (const a of stripe.issuing.authorizations.list({ limit: 100 }, opts)) {
    await applyAuthorization(db, accountId, a, sourceAt);
    bump("authorizations");
  }
  for await (const t of stripe.issuing.transactions.list({ limit: 100 }, opts)) {
    await applyIssuingTransaction(db, accountId, t, sourceAt);
    bump("issuing_transactions");
  }
  for await (const d of stripe.issuing.disputes.list({ limit: 100 }, opts)) {
    await applyDispute(db, accountId, d, sourceAt);
    bump("disputes");
  }
  return counts;
}

export async function businessesToReconcile(db: DbOrTx, businessId?: string): Promise<Business[]> {
  if (!businessId) return businessesWithAccounts(db);
  const business = await getBusiness(db, { businessId });
  return business ? [business] : [];
}
