import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { v2Error } from "../../wire/errors";
import { listV2, v2Page } from "../../wire/list";

import { newestFirst } from "../common";
import { later } from "../later";
import { asAccount } from "../treasury/common";
import { digits } from "../treasury/financial-accounts";
import { amountOf, iso, ownedV2, requireStorer, saveV2, T, type Json, type V2Object } from "./common";
import { holds, loadV2Fa, requireOpen } from "./financial-accounts";
import { receiveV2Credit } from "./received";

/**
 * v2 FinancialAddresses (`type: us_bank_account`): `pending` without credentials, then
 * `active` after `treasuryActivationDelayMs` with account and routing numbers (the full
 * number only with `include[]=credentials.us_bank_account.account_number`).
 */
/** `credentials` is absent until the address is active (v2 omits what it does not have). */
type Addr = V2Object & { status: string; financial_account: string; currency: string; credentials?: Json };
type AddrRow = { owner: string; data: Addr; extra: { account_number: string } };
const INCLUDE = ["credentials.us_bank_account.account_number"];

function render(ctx: Ctx, row: AddrRow): Addr {
  const out = structuredClone(row.data);
  const bank = out.credentials?.us_bank_account as Json | undefined;
  if (bank && ((ctx.params.include as string[] | undefined) ?? []).includes(INCLUDE[0] ?? ""))
    bank.account_number = row.extra.account_number;
  return out;
}

function activate(sys: Ctx, id: string): void {
  const row = structuredClone(sys.tx.get(T.addresses, id)) as AddrRow | undefined;
  if (!row || row.data.status !== "pending") return;
  const ctx = asAccount(sys, row.owner);
  row.data.status = "active";
  row.data.credentials = {
    type: "us_bank_account",
    us_bank_account: {
      bank_name: "STRIPE TEST BANK",
      last4: row.extra.account_number.slice(-4),
      routing_number: "110000000",
    },
  };
  saveV2(ctx, T.addresses, row.owner, row.data, "activated");
}

export function registerV2FinancialAddressRoutes(kernel: Kernel): void {
  const base = "/v2/money_management/financial_addresses";
  const load = (ctx: Ctx, id: string) => {
    const data = ownedV2<Addr>(ctx, T.addresses, id, "financial address").data;
    return { owner: ctx.account, data, extra: (ctx.tx.get(T.addresses, id) as AddrRow).extra };
  };
  kernel.router.add(
    {
      method: "POST",
      path: base,
      handler: (ctx) => {
        const fa = loadV2Fa(ctx, String(ctx.params.financial_account), "financial_account");
        requireOpen(fa);
        if (!fa.storage.holds_currencies.includes("usd") && !fa.storage.holds_currencies.includes("usdc"))
          throw v2Error(
            400,
            "feature_not_enabled",
            "feature_not_enabled",
            "US bank account addresses need a financial account that holds usd or usdc.",
          );
        requireStorer(ctx, ctx.account, "financial_addresses.bank_accounts");
        const currency = fa.storage.holds_currencies.includes("usd") ? "usd" : "usdc";
        const row: AddrRow = {
          owner: ctx.account,
          data: {
            id: ctx.id("finaddr_test", 40),
            object: "v2.money_management.financial_address",
            created: iso(ctx),
            currency,
            financial_account: fa.id,
            livemode: false,
            settlement_currency: currency,
            status: "pending",
          },
          extra: { account_number: digits(ctx, 12) },
        };
        // No thin event yet: Stripe's are `…financial_address.activated` and `.failed`, when the address settles.
        ctx.tx.put(T.addresses, row.data.id, row);
        const k = ctx.kernel;
        ctx.afterCommit(() =>
          later(k, `finaddr:${row.data.id}`, k.config.treasuryActivationDelayMs, (sys) => activate(sys, row.data.id)),
        );
        return render(ctx, row);
      },
    },
    { method: "GET", path: `${base}/:id`, handler: (ctx) => render(ctx, load(ctx, ctx.path.id ?? "")) },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["financial_account"]);
        const items = newestFirst<Addr>(
          ctx,
          T.addresses,
          (r) => !token.filters.financial_account || r.data.financial_account === token.filters.financial_account,
        ).map((a) => render(ctx, load(ctx, a.id)));
        return listV2(items, token, base);
      },
    },
  );
  // Simulates a bank transfer arriving at the address (preview path, and the GA path of stripe@23).
  for (const path of [
    "/v2/test_helpers/financial_addresses/:id/credit",
    "/v2/money_management/test_helpers/financial_addresses/:id/credit",
  ]) {
    kernel.router.add({
      method: "POST",
      path,
      handler: (ctx) => {
        const addr = load(ctx, ctx.path.id ?? "");
        if (addr.data.status !== "active")
          throw v2Error(
            400,
            "feature_not_enabled",
            "feature_not_enabled",
            `Financial address ${addr.data.id} is ${addr.data.status}; wait for \`v2.money_management.financial_address.activated\` before sending money to it.`,
          );
        const amount = amountOf(ctx.params.amount);
        const fa = loadV2Fa(ctx, addr.data.financial_account);
        holds(fa, amount.currency, "amount.currency");
        const network = String(ctx.params.network);
        receiveV2Credit(ctx, fa, ctx.account, amount, {
          type: "bank_transfer",
          description: ctx.params.statement_descriptor as string | undefined,
          details: {
            financial_address: addr.data.id,
            origin_type: "us_bank_account",
            statement_descriptor: (ctx.params.statement_descriptor as string | undefined) ?? "TEST CREDIT",
            us_bank_account: {
              bank_name: "STRIPE TEST BANK",
              last4: "6789",
              network: network === "fedwire" || network === "wire" ? "us_domestic_wire" : network,
              routing_number: "110000000",
            },
          },
        });
        // The preview names the object without its namespace; GA (the /money_management/ path) with it.
        return {
          object: path.startsWith("/v2/money_management/")
            ? "v2.money_management.financial_address_credit_simulation"
            : "financial_address_credit_simulation",
          status: "accepted",
          livemode: false,
        };
      },
    });
  }
  kernel.onStart.push(() => {
    for (const [id, row] of kernel.store.rows(T.addresses))
      if ((row.data as Addr).status === "pending")
        later(kernel, `finaddr:${id}`, kernel.config.treasuryActivationDelayMs, (sys) => activate(sys, id));
  });
}
