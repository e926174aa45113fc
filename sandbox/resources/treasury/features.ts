import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { ApiError } from "../../wire/errors";
import { balanceOf } from "../../ledger/ledger";
import { capabilitiesOf, loadFa, positiveAmount, requireTreasury, requireUsd, type FaRow } from "./common";

type Feature = Stripe.Treasury.FinancialAccount.ActiveFeature;
type Json = Record<string, unknown>;

export const FEATURES: Feature[] = [
  "card_issuing",
  "deposit_insurance",
  "financial_addresses.aba",
  "financial_addresses.aba.forwarding",
  "inbound_transfers.ach",
  "intra_stripe_flows",
  "outbound_payments.ach",
  "outbound_payments.us_domestic_wire",
  "outbound_transfers.ach",
  "outbound_transfers.us_domestic_wire",
];
/** Features that sit in `pending` (activating) until a delay passes or `/_sandbox` activates them; the rest are active at once. */
export const DELAYED: string[] = ["financial_addresses.aba", "financial_addresses.aba.forwarding"];
/** The account capability each feature depends on (beyond `treasury`). [guess for the mapping outside card_issuing/ach] */
const NEEDS: Partial<Record<string, "card_issuing" | "us_bank_account_ach_payments">> = {
  card_issuing: "card_issuing",
  "inbound_transfers.ach": "us_bank_account_ach_payments",
};

export type FeatureStatus = {
  status: "active" | "pending" | "restricted";
  status_details: Array<{ code: string; resolution: string | null; restriction?: string }>;
};

export function featureStatus(ctx: Ctx, fa: FaRow, feature: string): FeatureStatus {
  if (fa.data.status === "closed")
    return { status: "restricted", status_details: [{ code: "financial_account_closed", resolution: null }] };
  const caps = capabilitiesOf(ctx, fa.owner);
  for (const cap of ["treasury", NEEDS[feature]]) {
    if (!cap) continue;
    const s = caps[cap];
    if (s === "active") continue;
    if (!s || s === "unrequested")
      return {
        status: "restricted",
        status_details: [{ code: "capability_not_requested", resolution: "provide_information" }],
      };
    return {
      status: "restricted",
      status_details: [
        {
          code: s === "pending" ? "requirements_pending_verification" : "requirements_past_due",
          resolution: s === "pending" ? null : "provide_information",
        },
      ],
    };
  }
  if (DELAYED.includes(feature) && !fa.extra.activated.includes(feature))
    return { status: "pending", status_details: [{ code: "activating", resolution: null }] };
  return { status: "active", status_details: [] };
}

/** Sets a dotted feature path in a nested features hash. */
function setPath(root: Json, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = root;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Json;
  node[parts[parts.length - 1] ?? ""] = value;
}

/** The `treasury.financial_account_features` object. */
export function featuresObject(ctx: Ctx, fa: FaRow): Stripe.Treasury.FinancialAccountFeatures {
  const out: Json = { object: "treasury.financial_account_features" };
  for (const f of fa.extra.requested) {
    if (f === "financial_addresses.aba.forwarding") continue;
    setPath(out, f, { requested: true, ...featureStatus(ctx, fa, f) });
  }
  return out as unknown as Stripe.Treasury.FinancialAccountFeatures;
}

/** Renders the FA with balances from the ledger and feature lists from the current state. */
export function renderFa(ctx: Ctx, fa: FaRow): Stripe.Treasury.FinancialAccount {
  const active: Feature[] = [];
  const pending: Feature[] = [];
  const restricted: Feature[] = [];
  for (const f of fa.extra.requested as Feature[]) {
    const s = featureStatus(ctx, fa, f).status;
    (s === "active" ? active : s === "pending" ? pending : restricted).push(f);
  }
  const balance: Stripe.Treasury.FinancialAccount.Balance = { cash: {}, inbound_pending: {}, outbound_pending: {} };
  for (const c of fa.data.supported_currencies) {
    const b = balanceOf(ctx.tx, fa.data.id, c);
    balance.cash[c] = b.cash;
    balance.inbound_pending[c] = b.inbound_pending;
    balance.outbound_pending[c] = b.outbound_pending;
  }
  const addresses: Stripe.Treasury.FinancialAccount.FinancialAddress[] = active.includes("financial_addresses.aba")
    ? [
        {
          type: "aba",
          aba: {
            account_holder_name: fa.extra.holder_name,
            account_number_last4: fa.extra.account_number.slice(-4),
            bank_name: "STRIPE TEST BANK",
            routing_number: "0000000001",
          },
          supported_networks: ["ach", "us_domestic_wire"],
        },
      ]
    : [];
  return {
    ...fa.data,
    active_features: active,
    pending_features: pending,
    restricted_features: restricted,
    balance,
    financial_addresses: addresses,
  };
}

/** Refuses a money movement whose feature is not active, saying what to do. */
export function requireFeature(ctx: Ctx, fa: FaRow, feature: string, param?: string): void {
  if (!fa.extra.requested.includes(feature)) {
    throw new ApiError(400, {
      type: "invalid_request_error",
      code: "feature_not_enabled",
      ...(param ? { param } : {}),
      message: `The \`${feature}\` feature is not enabled on financial account ${fa.data.id}. Request it with \`features[${feature.split(".").join("][")}][requested]=true\` (POST /v1/treasury/financial_accounts/${fa.data.id}/features) and retry once it is active.`,
    });
  }
  const s = featureStatus(ctx, fa, feature);
  if (s.status !== "active") {
    throw new ApiError(400, {
      type: "invalid_request_error",
      code: "feature_not_enabled",
      ...(param ? { param } : {}),
      message: `The \`${feature}\` feature of financial account ${fa.data.id} is ${s.status} (${s.status_details.map((d) => d.code).join(", ")}). Wait for \`treasury.financial_account.features_status_updated\` or resolve the account's requirements, then retry.`,
    });
  }
}

/** `platform_restrictions`: a restricted direction refuses new flows that way. */
export function requireUnrestricted(fa: FaRow, direction: "inbound_flows" | "outbound_flows"): void {
  if (fa.data.platform_restrictions?.[direction] === "restricted") {
    throw new ApiError(400, {
      type: "invalid_request_error",
      code: "financial_account_restricted",
      message: `Financial account ${fa.data.id} has ${direction.replace("_", " ")} restricted by the platform (platform_restrictions[${direction}]=restricted). Update the financial account to \`unrestricted\` to allow this flow.`,
    });
  }
  if (fa.data.status === "closed")
    throw new ApiError(400, {
      type: "invalid_request_error",
      code: "financial_account_not_open",
      message: `Financial account ${fa.data.id} is closed; money can no longer move through it.`,
    });
}

/** The checks a new inbound or outbound flow starts with: Treasury on, its FA, a positive USD amount, that direction open. */
export function newFlow(
  ctx: Ctx,
  direction: "inbound_flows" | "outbound_flows",
): { fa: FaRow; amount: number; currency: string } {
  requireTreasury(ctx);
  const fa = loadFa(ctx, String(ctx.params.financial_account));
  const amount = positiveAmount(ctx.params.amount);
  const currency = requireUsd(fa, ctx.params.currency);
  requireUnrestricted(fa, direction);
  return { fa, amount, currency };
}
