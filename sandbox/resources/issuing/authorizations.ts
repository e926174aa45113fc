import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { listV1 } from "../../wire/list";

import { metadataUpdate, newestFirst } from "../common";
import { categoryOfMcc, CATEGORY_MCC } from "./categories";
import { loadCard, TABLES, type Json } from "./common";
import { loadAuth, renderAuth, saveAuth, type Auth, type AuthExtra } from "./auth-model";
import { decide } from "./decision";
import { registerAuthorizationHelpers } from "./authorization-helpers";

export const DEFAULT_MERCHANT = {
  category: "taxicabs_limousines",
  city: "San Francisco",
  country: "US",
  name: "Rocket Rides",
  network_id: "1234567890",
  postal_code: "94107",
  state: "CA",
  terminal_id: null,
  url: null,
  tax_id: null,
};

/** Merchant data from the request: category and MCC agree (either may be given), Rocket Rides otherwise. */
export function merchantData(p: Json | undefined): Stripe.Issuing.Authorization.MerchantData {
  const m = { ...DEFAULT_MERCHANT, ...(p ?? {}) } as Json;
  const byCode = typeof p?.category_code === "string" ? categoryOfMcc(p.category_code) : undefined;
  if (p?.category_code && !byCode)
    throw invalidRequest(`Invalid merchant_data[category_code]: ${String(p.category_code)} is not an Issuing MCC.`, {
      param: "merchant_data[category_code]",
    });
  if (!p?.category && byCode) m.category = byCode;
  const code = CATEGORY_MCC.get(String(m.category));
  if (!code)
    throw invalidRequest(
      `Invalid merchant_data[category]: ${String(m.category)} is not an Issuing merchant category.`,
      { param: "merchant_data[category]" },
    );
  if (p?.category_code && p.category_code !== code)
    throw invalidRequest(
      `merchant_data[category_code] ${String(p.category_code)} does not match category ${String(m.category)} (${code}).`,
      { param: "merchant_data[category_code]" },
    );
  return { ...m, category_code: code } as unknown as Stripe.Issuing.Authorization.MerchantData;
}

function create(ctx: Ctx): unknown {
  // No capability check here: an account that lost card_issuing gets declines (`account_disabled`), not errors.
  const p = ctx.params;
  const card = loadCard(ctx, String(p.card), "card");
  const currency = String(p.currency ?? card.data.currency).toLowerCase();
  if (currency !== card.data.currency)
    throw invalidRequest(
      `The sandbox authorizes in the card's currency (${card.data.currency}); use merchant_amount/merchant_currency for the merchant's.`,
      { param: "currency" },
    );
  const amount = (p.amount as number | undefined) ?? (p.merchant_amount as number | undefined);
  if (amount === undefined || amount <= 0)
    throw invalidRequest("Missing required param: amount (a positive integer in the card's currency).", {
      param: "amount",
      code: "parameter_missing",
    });
  const v = (p.verification_data as Json | undefined) ?? {};
  const amountDetails = {
    atm_fee: null,
    cashback_amount: null,
    ...(p.amount_details as Json | undefined),
  } as Auth["amount_details"];
  const holder = card.data.cardholder as unknown as string;
  const id = ctx.id("iauth");
  const a = {
    id,
    object: "issuing.authorization",
    amount,
    amount_details: amountDetails,
    approved: false,
    authorization_method:
      (p.authorization_method as Stripe.Issuing.Authorization.AuthorizationMethod | undefined) ?? "online",
    balance_transactions: [],
    card: card.data.id,
    card_presence: null,
    cardholder: holder,
    created: ctx.now,
    currency,
    fleet: null,
    fraud_challenges: [],
    fuel: null,
    livemode: false,
    merchant_amount: (p.merchant_amount as number | undefined) ?? amount,
    merchant_currency: String(p.merchant_currency ?? currency).toLowerCase(),
    merchant_data: merchantData(p.merchant_data as Json | undefined),
    metadata: {},
    network_data: {
      acquiring_institution_id:
        ((p.network_data as Json | undefined)?.acquiring_institution_id as string | undefined) ?? null,
      system_trace_audit_number: null,
      transaction_id: null,
    },
    pending_request: null,
    request_history: [],
    status: "pending",
    token: null,
    transactions: [],
    treasury:
      card.extra.funding.kind === "financial_account"
        ? { received_credits: [], received_debits: [], transaction: null }
        : null,
    verification_data: {
      address_line1_check: v.address_line1_check ?? "not_provided",
      address_postal_code_check: v.address_postal_code_check ?? "not_provided",
      authentication_exemption: v.authentication_exemption ?? null,
      cvc_check: v.cvc_check ?? "not_provided",
      expiry_check: v.expiry_check ?? "not_provided",
      postal_code: null,
      three_d_secure: v.three_d_secure ?? null,
    },
    verified_by_fraud_challenge: null,
    wallet: (p.wallet as string | undefined) ?? null,
  } as unknown as Auth;
  const extra: AuthExtra = {
    funding: card.extra.funding,
    held: 0,
    money: { treasury_txn: null, balance_txns: [] },
    spend_ms: ctx.nowMs,
    holder,
  };
  const pending = {
    amount,
    merchant_amount: a.merchant_amount,
    merchant_currency: a.merchant_currency,
    is_amount_controllable: p.is_amount_controllable === true,
    amount_details: amountDetails,
  };
  return decide(ctx, card, { auth: a, extra, before: null, req: pending });
}

export function registerAuthorizationRoutes(kernel: Kernel): void {
  const base = "/v1/issuing/authorizations";
  kernel.router.add(
    {
      method: "POST",
      path: "/v1/test_helpers/issuing/authorizations",
      handler: create,
    },
    { method: "GET", path: `${base}/:id`, handler: (ctx) => renderAuth(ctx, loadAuth(ctx, ctx.path.id ?? "")) },
    { method: "POST", path: `${base}/:id`, handler: metadataUpdate(loadAuth, saveAuth) },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const p = ctx.params;
        const keep = (a: Auth) =>
          (!p.card || (a.card as unknown as string) === p.card) &&
          (!p.cardholder || a.cardholder === p.cardholder) &&
          (!p.status || a.status === p.status);
        return listV1(
          newestFirst<Auth>(ctx, TABLES.auths, (r) => keep(r.data)).map((a) => renderAuth(ctx, { data: a })),
          p,
          base,
          "issuing.authorization",
        );
      },
    },
  );
  kernel.expanders.set("iauth", (id, ctx) => {
    const row = ctx.tx.get<Stripe.Issuing.Authorization>(TABLES.auths, id);
    return row && row.owner === ctx.account ? (renderAuth(ctx, row) as unknown as Record<string, unknown>) : null;
  });
  registerAuthorizationHelpers(kernel);
}
