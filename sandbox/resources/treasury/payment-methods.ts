import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest, referenceMissing } from "../../wire/errors";

import type { Row } from "../../store/store";
import { ownedRow } from "../common";

/**
 * Minimal `us_bank_account` PaymentMethods: what SetupIntents, InboundTransfers and
 * OutboundPayments/Transfers need. Hidden state says whether microdeposits verified it and
 * which flow directions the SetupIntent set up.
 */
export const PMS = "payment_methods";
export type PmExtra = {
  account_number: string;
  verified: boolean;
  flow_directions: string[];
  attached_to_self: boolean;
};
export type PmRow = Row<Stripe.PaymentMethod> & { extra: PmExtra };

type Json = Record<string, unknown>;
const nullAddress = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };

export function billing(p: Json | undefined): Stripe.PaymentMethod.BillingDetails {
  return {
    address: { ...nullAddress, ...(p?.address as Json | undefined) } as Stripe.Address,
    email: (p?.email as string | undefined) ?? null,
    name: (p?.name as string | undefined) ?? null,
    phone: (p?.phone as string | undefined) ?? null,
    tax_id: null,
  };
}

export function createPm(ctx: Ctx, data: Json, param = "payment_method_data"): PmRow {
  const bank = data.us_bank_account as Json | undefined;
  if (!bank?.account_number || !bank.routing_number)
    throw invalidRequest(`Missing required param: ${param}[us_bank_account][account_number] and [routing_number].`, {
      param: `${param}[us_bank_account]`,
      code: "parameter_missing",
    });
  const number = String(bank.account_number);
  const id = ctx.id("pm");
  const pm = {
    id,
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: billing(data.billing_details as Json | undefined),
    created: ctx.now,
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: (data.metadata as Record<string, string> | undefined) ?? {},
    type: "us_bank_account",
    us_bank_account: {
      account_holder_type: (bank.account_holder_type as "individual" | "company" | undefined) ?? null,
      account_type: (bank.account_type as "checking" | "savings" | undefined) ?? "checking",
      bank_name: "STRIPE TEST BANK",
      financial_connections_account: null,
      fingerprint: ctx.id("fp", 16).slice(3),
      last4: number.slice(-4),
      networks: { preferred: "ach", supported: ["ach", "us_domestic_wire"] },
      routing_number: String(bank.routing_number),
      status_details: null,
    },
  } as unknown as Stripe.PaymentMethod;
  const row: PmRow = {
    owner: ctx.account,
    data: pm,
    extra: { account_number: number, verified: false, flow_directions: [], attached_to_self: false },
  };
  ctx.tx.put(PMS, id, row);
  return row;
}

/** A PaymentMethod named in a body parameter (400 when missing, as Stripe does for references). */
export function loadPm(ctx: Ctx, id: string, param: string): PmRow {
  const row = ctx.tx.get(PMS, id) as PmRow | undefined;
  if (!row || row.owner !== ctx.account) throw referenceMissing("PaymentMethod", id, param);
  return row;
}

/** `origin_payment_method_details` / `destination_payment_method_details` for Treasury flows. */
export function pmDetails(pm: Stripe.PaymentMethod, network: string): Json {
  const b = pm.us_bank_account;
  return {
    billing_details: {
      address: pm.billing_details.address,
      email: pm.billing_details.email,
      name: pm.billing_details.name,
    },
    type: "us_bank_account",
    us_bank_account: {
      account_holder_type: b?.account_holder_type ?? null,
      account_type: b?.account_type ?? null,
      bank_name: b?.bank_name ?? null,
      fingerprint: b?.fingerprint ?? null,
      last4: b?.last4 ?? null,
      network,
      routing_number: b?.routing_number ?? null,
    },
  };
}

export function registerPaymentMethodRoutes(kernel: Kernel): void {
  kernel.router.add(
    { method: "POST", path: "/v1/payment_methods", handler: (ctx) => createPm(ctx, ctx.params).data },
    {
      method: "GET",
      path: "/v1/payment_methods/:id",
      handler: (ctx) => ownedRow<Stripe.PaymentMethod>(ctx, PMS, ctx.path.id ?? "", "PaymentMethod").data,
    },
  );
  kernel.expanders.set("pm", (id, ctx) => {
    const row = ctx.tx.get(PMS, id);
    return row && row.owner === ctx.account ? row.data : null;
  });
}
