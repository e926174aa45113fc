import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest } from "../../wire/errors";
import { listV1 } from "../../wire/list";

import { emitEvent } from "../../events/bus";
import { previousAttributes } from "../../events/diff";
import { balanceOf } from "../../ledger/ledger";
import { randomToken } from "../../store/ids";
import { mergeMetadata, newestFirst } from "../common";
import { loadAccount } from "../accounts/store";
import { later } from "../later";
import { asAccount, FAS, loadFa, requireTreasury, type FaExtra, type FaRow } from "./common";
import { DELAYED, FEATURES, featuresObject, renderFa } from "./features";

type Json = Record<string, unknown>;
/** `{a: {b: {requested}}}` → `{"a.b": requested}`. */
function flatten(tree: unknown, prefix = ""): Array<[string, boolean]> {
  if (!tree || typeof tree !== "object") return [];
  const t = tree as Json;
  if (typeof t.requested === "boolean") return [[prefix, t.requested]];
  return Object.entries(t).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function applyFeatures(ctx: Ctx, fa: FaRow, tree: unknown): void {
  const set = new Set(fa.extra.requested);
  for (const [f, wanted] of flatten(tree)) {
    if (wanted && f === "card_issuing" && fa.owner === ctx.platform)
      throw invalidRequest("Issuing cards can't be attached to the platform's own financial account.", {
        code: "feature_not_enabled",
      });
    if (wanted) set.add(f);
    else set.delete(f);
  }
  fa.extra.requested = FEATURES.filter((f) => set.has(f));
}

/** A seeded random string of digits (account numbers). */
export const digits = (ctx: Ctx, n: number) =>
  Array.from(randomToken(ctx.tx, n), (ch) => String(ch.charCodeAt(0) % 10)).join("");

const signature = (ctx: Ctx, fa: FaRow) => JSON.stringify(featuresObject(ctx, fa));

/** Saves an FA; emits `features_status_updated` when any feature's status changed. */
function saveFa(ctx: Ctx, before: FaRow | null, next: FaRow): void {
  ctx.tx.put(FAS, next.data.id, next);
  if (before && signature(ctx, before) !== signature(ctx, next))
    emitEvent(ctx, "treasury.financial_account.features_status_updated", renderFa(ctx, next) as unknown as Json);
  scheduleActivation(ctx, next);
}

/** Delayed features turn active after `treasuryActivationDelayMs` (or `/_sandbox/treasury/financial_accounts/:id/activate`). */
function scheduleActivation(ctx: Ctx, fa: FaRow): void {
  if (!fa.extra.requested.some((f) => DELAYED.includes(f) && !fa.extra.activated.includes(f))) return;
  const kernel = ctx.kernel;
  ctx.afterCommit(() =>
    later(kernel, `fa-activate:${fa.data.id}`, kernel.config.treasuryActivationDelayMs, (sys) =>
      activateFeatures(sys, fa.data.id),
    ),
  );
}

/** Finishes activation of the FA's delayed features now. Returns false when there was nothing to do. */
export function activateFeatures(sys: Ctx, id: string): boolean {
  const row = sys.tx.get(FAS, id) as FaRow | undefined;
  if (!row) return false;
  const ctx = asAccount(sys, row.owner);
  const next = structuredClone(row);
  next.extra.activated = Array.from(
    new Set([...next.extra.activated, ...next.extra.requested.filter((f) => DELAYED.includes(f))]),
  );
  if (next.extra.activated.length === row.extra.activated.length) return false;
  saveFa(ctx, row, next);
  return true;
}

/** A new open FA row for `owner` (no features yet). */
export function newFaRow(ctx: Ctx, owner: string, p: Json, isDefault: boolean): FaRow {
  const currencies = (p.supported_currencies as string[]).map((c) => c.toLowerCase());
  if (currencies.some((c) => c !== "usd"))
    throw invalidRequest("Financial accounts support only `usd`.", { param: "supported_currencies" });
  const account = loadAccount(ctx, owner);
  const ind = account?.data.individual;
  const data = {
    id: ctx.id("fa"),
    object: "treasury.financial_account",
    active_features: [],
    balance: { cash: {}, inbound_pending: {}, outbound_pending: {} },
    country: account?.data.country ?? "US",
    created: ctx.now,
    financial_addresses: [],
    is_default: isDefault,
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    nickname: (p.nickname as string | undefined) ?? null,
    pending_features: [],
    platform_restrictions: {
      inbound_flows: "unrestricted",
      outbound_flows: "unrestricted",
      ...(p.platform_restrictions as Json | undefined),
    },
    restricted_features: [],
    status: "open",
    status_details: { closed: null },
    supported_currencies: currencies,
  } as Stripe.Treasury.FinancialAccount;
  const extra: FaExtra = {
    requested: [],
    activated: [],
    account_number: digits(ctx, 12),
    holder_name:
      [ind?.first_name, ind?.last_name].filter(Boolean).join(" ") ||
      account?.data.company?.name ||
      account?.data.business_profile?.name ||
      (owner === ctx.platform ? "Platform" : "Account holder"),
  };
  const row: FaRow = { owner, data, extra };
  applyFeatures(ctx, row, p.features);
  return row;
}

function create(ctx: Ctx): Stripe.Treasury.FinancialAccount {
  requireTreasury(ctx);
  // Stripe provisions the platform's own financial account; we found no documented way to create
  // more at platform level, so the sandbox refuses it (stricter) and says where FAs are created.
  if (!ctx.isConnected)
    throw invalidRequest(
      "The platform's own financial account is provisioned by Stripe (list it without a `Stripe-Account` header); new financial accounts are created for connected accounts: send the `Stripe-Account` header of the account that will own it.",
    );
  const open = newestFirst<Stripe.Treasury.FinancialAccount>(ctx, FAS, (r) => r.data.status === "open");
  if (open.length >= 3)
    throw invalidRequest(
      "This account already has the maximum of 3 open financial accounts. Close one before creating another.",
    );
  const row = newFaRow(ctx, ctx.account, ctx.params, open.length === 0);
  saveFa(ctx, null, row);
  const view = renderFa(ctx, row);
  emitEvent(ctx, "treasury.financial_account.created", view as unknown as Json);
  return view;
}

function update(ctx: Ctx): Stripe.Treasury.FinancialAccount {
  requireTreasury(ctx);
  const before = loadFa(ctx, ctx.path.id ?? "", "id", false);
  const next = structuredClone(before);
  const p = ctx.params;
  if (before.data.status === "closed")
    throw invalidRequest("This financial account is closed and can no longer be updated.");
  if (p.metadata !== undefined) next.data.metadata = mergeMetadata(next.data.metadata ?? {}, p.metadata);
  if (p.nickname !== undefined) next.data.nickname = p.nickname as string | null;
  if (p.platform_restrictions)
    next.data.platform_restrictions = {
      ...next.data.platform_restrictions,
      ...(p.platform_restrictions as Json),
    } as Stripe.Treasury.FinancialAccount.PlatformRestrictions;
  if (p.features) applyFeatures(ctx, next, p.features);
  saveFa(ctx, before, next);
  return renderFa(ctx, next);
}

function close(ctx: Ctx): Stripe.Treasury.FinancialAccount {
  requireTreasury(ctx);
  const before = loadFa(ctx, ctx.path.id ?? "", "id", false);
  if (before.data.status === "closed") throw invalidRequest(`Financial account ${before.data.id} is already closed.`);
  if (before.owner === ctx.platform)
    throw invalidRequest(
      `Financial account ${before.data.id} is the platform's own financial account, which can't be closed through the API.`,
    );
  const b = balanceOf(ctx.tx, before.data.id, "usd");
  if (b.cash !== 0 || b.inbound_pending !== 0 || b.outbound_pending !== 0) {
    throw new ApiError(400, {
      type: "invalid_request_error",
      code: "financial_account_not_empty",
      message: `Financial account ${before.data.id} still holds money (cash ${b.cash}, inbound_pending ${b.inbound_pending}, outbound_pending ${b.outbound_pending}). Move the cash out and wait for pending flows to finish before closing it.`,
    });
  }
  const next = structuredClone(before);
  next.data.status = "closed";
  next.data.status_details = { closed: { reasons: ["closed_by_platform"] } };
  saveFa(ctx, before, next);
  const view = renderFa(ctx, next);
  emitEvent(ctx, "treasury.financial_account.closed", view as unknown as Json, {
    previous_attributes: previousAttributes({ status: "open" }, { status: "closed" }),
  });
  return view;
}

export function registerFinancialAccountRoutes(kernel: Kernel): void {
  const base = "/v1/treasury/financial_accounts";
  kernel.router.add(
    { method: "POST", path: base, handler: create },
    {
      method: "GET",
      path: `${base}/:id`,
      handler: (ctx) => (requireTreasury(ctx), renderFa(ctx, loadFa(ctx, ctx.path.id ?? "", "id", false))),
    },
    { method: "POST", path: `${base}/:id`, handler: update },
    { method: "POST", path: `${base}/:id/close`, handler: close },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        requireTreasury(ctx);
        const rows = newestFirst<Stripe.Treasury.FinancialAccount>(
          ctx,
          FAS,
          (r) => !ctx.params.status || r.data.status === ctx.params.status,
        ).map((d) => renderFa(ctx, ctx.tx.get(FAS, d.id) as FaRow));
        return listV1(rows, ctx.params, base, "treasury.financial_account");
      },
    },
    {
      method: "GET",
      path: `${base}/:id/features`,
      handler: (ctx) => (requireTreasury(ctx), featuresObject(ctx, loadFa(ctx, ctx.path.id ?? "", "id", false))),
    },
    {
      method: "POST",
      path: `${base}/:id/features`,
      handler: (ctx) => {
        requireTreasury(ctx);
        const before = loadFa(ctx, ctx.path.id ?? "", "id", false);
        const next = structuredClone(before);
        applyFeatures(ctx, next, ctx.params);
        saveFa(ctx, before, next);
        return featuresObject(ctx, next);
      },
    },
  );
  kernel.expanders.set("fa", (id, ctx) => {
    const row = ctx.tx.get(FAS, id) as FaRow | undefined;
    return row && row.owner === ctx.account ? (renderFa(ctx, row) as unknown as Json) : null;
  });
  kernel.fieldExpanders.set(
    "treasury.financial_account.financial_addresses.aba.account_number",
    (obj, ctx) => (ctx.tx.get(FAS, String(obj.id)) as FaRow | undefined)?.extra.account_number ?? null,
  );
  kernel.onStart.push(() => {
    for (const [id, row] of kernel.store.rows(FAS)) {
      const fa = row as unknown as FaRow;
      if (fa.extra.requested.some((f) => DELAYED.includes(f) && !fa.extra.activated.includes(f)))
        later(kernel, `fa-activate:${id}`, kernel.config.treasuryActivationDelayMs, (sys) => activateFeatures(sys, id));
    }
  });
}
