import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { v2Error } from "../../wire/errors";
import { listV2, v2Page } from "../../wire/list";

import { balanceOf } from "../../ledger/ledger";
import { newestFirst } from "../common";
import { runNow } from "../later";
import { loadAccount } from "../accounts/store";
import { iso, invalidField, money, ownedV2, requireStorer, saveV2, T, type Json, type V2Object } from "./common";

/**
 * v2 FinancialAccounts (`type: storage`, `storage.holds_currencies`), balances per held
 * currency read from the ledger (`available` is the ledger's cash bucket). The platform's
 * own usd account exists from the start and after every reset.
 */
export type V2Fa = V2Object & { status: string; storage: { holds_currencies: string[] } };
const SUPPORTED = ["usd", "usdc", "eur", "gbp"];

export function renderV2Fa(ctx: Ctx, fa: V2Fa): V2Fa {
  const balance = { available: {} as Json, inbound_pending: {} as Json, outbound_pending: {} as Json };
  for (const c of fa.storage.holds_currencies) {
    const b = balanceOf(ctx.tx, fa.id, c);
    balance.available[c] = money(b.cash, c);
    balance.inbound_pending[c] = money(b.inbound_pending, c);
    balance.outbound_pending[c] = money(b.outbound_pending, c);
  }
  return { ...fa, balance };
}

/** A v2 FA the acting account owns (`field` names the body parameter that referenced it). */
export function loadV2Fa(ctx: Ctx, id: string, field?: string): V2Fa {
  return ownedV2<V2Fa>(ctx, T.fas, id, "financial account", field).data;
}

export function requireOpen(fa: V2Fa): void {
  if (fa.status !== "open")
    throw v2Error(
      400,
      "financial_account_not_open",
      "financial_account_not_open",
      `Financial account ${fa.id} is ${fa.status}; money can move only through open financial accounts.`,
    );
}

export function holds(fa: V2Fa, currency: string, field: string): void {
  if (!fa.storage.holds_currencies.includes(currency))
    throw invalidField(
      field,
      `Financial account ${fa.id} holds ${fa.storage.holds_currencies.join(", ")}, not ${currency}.`,
    );
}

/** The FA an outbound flow (transfer or payment) debits: open, holding `from.currency`, which `amount` is in. */
export function outboundSource(
  ctx: Ctx,
  from: { financial_account: string; currency: string },
  amount: { currency: string },
): V2Fa {
  if (amount.currency !== from.currency)
    throw invalidField(
      "amount.currency",
      `amount.currency (${amount.currency}) must equal from.currency (${from.currency}).`,
    );
  const fa = loadV2Fa(ctx, from.financial_account, "from.financial_account");
  requireOpen(fa);
  holds(fa, from.currency, "from.currency");
  return fa;
}

function createFa(ctx: Ctx, owner: string, p: Json, silent = false): V2Fa {
  const storage = (p.storage as Json | undefined) ?? {};
  const currencies = (storage.holds_currencies as string[] | undefined) ?? [];
  if (!currencies.length)
    throw invalidField(
      "storage.holds_currencies",
      'storage.holds_currencies must name at least one currency, e.g. ["usdc"].',
    );
  for (const c of currencies) {
    if (!SUPPORTED.includes(c))
      throw invalidField(
        "storage.holds_currencies",
        `Unsupported currency ${c}; storage accounts hold ${SUPPORTED.join(", ")}.`,
      );
    requireStorer(ctx, owner, `holds_currencies.${c}`);
  }
  const country = owner === ctx.platform ? "us" : (loadAccount(ctx, owner)?.data.country ?? "US").toLowerCase();
  const fa: V2Fa = {
    id: ctx.id("fa_test", 48),
    object: "v2.money_management.financial_account",
    country,
    created: iso(ctx),
    ...(typeof p.display_name === "string" ? { display_name: p.display_name } : {}),
    livemode: false,
    metadata: (p.metadata as Json | undefined) ?? {},
    status: "open",
    storage: { holds_currencies: currencies },
    type: "storage",
  };
  saveV2(ctx, T.fas, owner, fa, silent ? undefined : "created");
  return fa;
}

/** The platform's own usd FA (idempotent: created once per data dir and after each reset). It "was always there", so no event. */
export function platformFa(ctx: Ctx): V2Fa {
  const existing = ctx.kernel.store.rows<V2Fa>(T.fas).find(([, r]) => r.owner === ctx.platform);
  if (existing) return existing[1].data;
  return createFa(
    ctx,
    ctx.platform,
    { storage: { holds_currencies: ["usd"] }, display_name: "Platform financial account" },
    true,
  );
}

export function registerV2FinancialAccountRoutes(kernel: Kernel): void {
  const base = "/v2/money_management/financial_accounts";
  kernel.router.add(
    {
      method: "POST",
      path: base,
      handler: (ctx) => renderV2Fa(ctx, createFa(ctx, ctx.account, ctx.params)),
    },
    { method: "GET", path: `${base}/:id`, handler: (ctx) => renderV2Fa(ctx, loadV2Fa(ctx, ctx.path.id ?? "")) },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["status"]);
        const status = token.filters.status as string | undefined;
        const items = newestFirst<V2Fa>(ctx, T.fas, (r) =>
          status ? r.data.status === status : r.data.status !== "closed",
        ).map((fa) => renderV2Fa(ctx, fa));
        return listV2(items, token, base);
      },
    },
    {
      method: "POST",
      path: `${base}/:id/close`,
      handler: (ctx) => {
        const fa = loadV2Fa(ctx, ctx.path.id ?? "");
        requireOpen(fa);
        for (const c of fa.storage.holds_currencies) {
          const b = balanceOf(ctx.tx, fa.id, c);
          if (b.cash || b.inbound_pending || b.outbound_pending)
            throw v2Error(
              400,
              "non_zero_balance",
              "non_zero_balance",
              `Financial account ${fa.id} still holds ${c} (available ${b.cash}, pending ${b.inbound_pending + b.outbound_pending}). Move the funds out before closing it.`,
            );
        }
        fa.status = "closed";
        fa.status_details = { closed: { reason: "closed_by_platform" } }; // no forwarding settings were given
        saveV2(ctx, T.fas, ctx.account, fa, "updated");
        return renderV2Fa(ctx, fa);
      },
    },
  );
  kernel.onStart.push(() => void runNow(kernel, (ctx) => platformFa(ctx)));
}
