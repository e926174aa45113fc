import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { listV2, v2Page } from "../../wire/list";

import { walletProblem } from "../../crypto/wallets";
import { newestFirst } from "../common";
import {
  iso,
  invalidField,
  notCancelable,
  ownedV2,
  retrieveV2Route,
  saveV2,
  T,
  type Json,
  type V2Object,
} from "./common";

/**
 * OutboundSetupIntents collect a payout method (crypto wallet, or a USD/MXN/EUR bank
 * account); complete data succeeds at once and creates an eligible PayoutMethod.
 */
export type PayoutMethod = V2Object & {
  type: string;
  usage_status: { payments: string; transfers: string };
  crypto_wallet?: Json;
  bank_account?: Json;
};

/** Archiving is recorded on the method's own hash (`crypto_wallet.archived`, `bank_account.archived`), as the SDK types it. */
export const isArchived = (pm: PayoutMethod): boolean => (pm.crypto_wallet ?? pm.bank_account)?.archived === true;
const BANKS: Record<string, { currency: string; check: (n: string, routing?: string) => string | null }> = {
  US: {
    currency: "usd",
    check: (n, r) =>
      !/^\d{4,17}$/.test(n)
        ? "US account numbers are 4 to 17 digits."
        : !/^\d{9}$/.test(r ?? "")
          ? "US bank accounts need a 9-digit routing_number."
          : null,
  },
  MX: { currency: "mxn", check: (n) => (/^\d{18}$/.test(n) ? null : "Mexican bank accounts are an 18-digit CLABE.") },
};
const SEPA = ["AT", "BE", "DE", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PT"];

function ibanProblem(iban: string): string | null {
  const s = iban.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return "EUR bank accounts take an IBAN as account_number.";
  const digits = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of digits) rem = (rem * 10 + Number(d)) % 97;
  return rem === 1 ? null : "The IBAN's check digits are wrong; check it for a typo.";
}

function bankAccount(b: Json): Json {
  const country = String(b.country ?? "").toUpperCase();
  const number = String(b.account_number ?? "");
  const currency = String(
    b.currency ?? BANKS[country]?.currency ?? (SEPA.includes(country) ? "eur" : ""),
  ).toLowerCase();
  const rule = BANKS[country];
  const problem =
    rule && rule.currency === currency
      ? rule.check(number, b.routing_number as string | undefined)
      : SEPA.includes(country) && currency === "eur"
        ? ibanProblem(number)
        : `Bank payouts go to USD (US), MXN (MX) or EUR (SEPA) accounts; ${country || "?"}/${currency || "?"} is not supported.`;
  if (problem) throw invalidField("payout_method_data.bank_account.account_number", problem);
  // US accounts take ACH (local) and wires; the others their local rail [guess: the SDK lists no values].
  return {
    archived: false,
    bank_account_type: (b.bank_account_type as string | undefined) ?? "checking",
    bank_name: "STRIPE TEST BANK",
    country,
    enabled_delivery_options: country === "US" ? ["local", "wire"] : ["local"],
    last4: number.slice(-4),
    ...(typeof b.routing_number === "string" ? { routing_number: b.routing_number } : {}),
    supported_currencies: [currency],
  };
}

function createPayoutMethod(ctx: Ctx, data: Json): PayoutMethod {
  const type = String(data.type);
  const pm: PayoutMethod = {
    id: "",
    object: "v2.money_management.payout_method",
    available_payout_speeds: ["standard"],
    created: iso(ctx),
    livemode: false,
    type,
    usage_status: { payments: "eligible", transfers: "eligible" },
  };
  if (type === "crypto_wallet") {
    const w = (data.crypto_wallet as Json | undefined) ?? {};
    const problem = walletProblem(w);
    if (problem) throw invalidField(`payout_method_data.crypto_wallet.${problem.field}`, problem.message);
    pm.id = ctx.id("cwlt_test", 40);
    pm.crypto_wallet = {
      address: w.address,
      archived: false,
      ...(typeof w.memo === "string" ? { memo: w.memo } : {}),
      network: w.network,
    };
  } else if (type === "bank_account") {
    pm.id = ctx.id(
      String((data.bank_account as Json | undefined)?.country ?? "us").toLowerCase() === "us"
        ? "usba_test"
        : "bankacct_test",
      40,
    );
    pm.bank_account = bankAccount((data.bank_account as Json | undefined) ?? {});
  } else
    throw invalidField("payout_method_data.type", "payout_method_data.type must be crypto_wallet or bank_account.");
  return pm;
}

export function registerPayoutMethodRoutes(kernel: Kernel): void {
  const osi = "/v2/money_management/outbound_setup_intents";
  const pms = "/v2/money_management/payout_methods";
  kernel.router.add(
    {
      method: "POST",
      path: osi,
      handler: (ctx) => {
        const p = ctx.params;
        let method: PayoutMethod;
        if (p.payout_method)
          method = ownedV2<PayoutMethod>(ctx, T.pms, String(p.payout_method), "payout method", "payout_method").data;
        else if (p.payout_method_data) method = createPayoutMethod(ctx, p.payout_method_data as Json);
        else throw invalidField("payout_method_data", "Pass payout_method_data (or an existing payout_method).");
        const intent: V2Object = {
          id: ctx.id("osi_test", 40),
          object: "v2.money_management.outbound_setup_intent",
          created: iso(ctx),
          livemode: false,
          payout_method: method,
          status: "succeeded",
          usage_intent: (p.usage_intent as string | undefined) ?? "payment",
        };
        method.latest_outbound_setup_intent = intent.id;
        saveV2(ctx, T.pms, ctx.account, method, p.payout_method ? "updated" : "created");
        saveV2(ctx, T.osis, ctx.account, intent);
        return intent;
      },
    },
    retrieveV2Route(osi, T.osis, "outbound setup intent"),
    {
      method: "GET",
      path: osi,
      handler: (ctx) => listV2(newestFirst<V2Object>(ctx, T.osis), v2Page(ctx.params, []), osi),
    },
    {
      method: "POST",
      path: `${osi}/:id/cancel`,
      handler: (ctx) => {
        const row = ownedV2(ctx, T.osis, ctx.path.id ?? "", "outbound setup intent");
        const status = String(row.data.status);
        if (status === "succeeded" || status === "canceled")
          throw notCancelable("outbound setup intent", row.data.id, status);
        row.data.status = "canceled";
        return saveV2(ctx, T.osis, ctx.account, row.data);
      },
    },
    retrieveV2Route(pms, T.pms, "payout method"),
    {
      method: "GET",
      path: pms,
      handler: (ctx) =>
        listV2(
          newestFirst<PayoutMethod>(ctx, T.pms, (r) => !isArchived(r.data)),
          v2Page(ctx.params, []),
          pms,
        ),
    },
    ...(["archive", "unarchive"] as const).map((action) => ({
      method: "POST" as const,
      path: `${pms}/:id/${action}`,
      handler: (ctx: Ctx) => {
        const row = ownedV2<PayoutMethod>(ctx, T.pms, ctx.path.id ?? "", "payout method");
        const own = row.data.crypto_wallet ?? row.data.bank_account;
        if (own) own.archived = action === "archive";
        return saveV2(ctx, T.pms, ctx.account, row.data, "updated");
      },
    })),
  );
}
