import type Stripe from "stripe";
import type { Router } from "../../wire/router";
import type { Ctx } from "../../wire/context";
import { resourceMissing } from "../../wire/errors";

import { listV1 } from "../../wire/list";
import { CAPABILITIES, type CapabilityName } from "./params";
import { applyParams, capabilityObject, newAccount, recompute, type AccountExtra } from "./model";
import { ACCOUNTS, cloneRow, loadAccount, saveAccount, type AccountRow } from "./store";
import { platformCapabilities } from "./platform";

function mustLoad(ctx: Ctx, id: string): AccountRow {
  const row = loadAccount(ctx, id);
  // A connected account may read itself; nobody sees accounts of another platform.
  if (!row || (ctx.isConnected && ctx.account !== id)) throw resourceMissing("account", id, "account");
  return row;
}

/** The `:capability` of the URL, one the sandbox knows (else 404, as Stripe answers an unknown capability). */
function capabilityIn(ctx: Ctx): CapabilityName {
  const name = ctx.path.capability as CapabilityName;
  if (!CAPABILITIES.includes(name)) throw resourceMissing("capability", name, "capability");
  return name;
}

/** The platform's own account, as `GET /v1/account` shows it. */
function platformAccount(ctx: Ctx): Stripe.Account {
  const a = newAccount(ctx, ctx.platform, { country: "US" });
  const extra: AccountExtra = { kyc: "approve", requested: {}, verified: {} };
  recompute(a, extra);
  return {
    ...a,
    type: "standard",
    business_type: "company",
    details_submitted: true,
    charges_enabled: true,
    payouts_enabled: true,
    created: 1700000000,
    email: "platform@example.com",
    capabilities: platformCapabilities(ctx),
  } as Stripe.Account;
}

/** v1 Connect accounts and their capabilities. */
export function registerAccountRoutes(router: Router): void {
  router.add(
    {
      method: "POST",
      path: "/v1/accounts",
      handler: (ctx) => {
        const id = ctx.id("acct", 16);
        const data = newAccount(ctx, id, ctx.params);
        const extra: AccountExtra = { kyc: ctx.kernel.config.defaultKyc, requested: {}, verified: {} };
        applyParams(ctx, data, extra, ctx.params);
        const row: AccountRow = { owner: ctx.platform, data, extra };
        saveAccount(ctx, null, row);
        return row.data;
      },
    },
    {
      method: "GET",
      path: "/v1/accounts/:id",
      handler: (ctx) => mustLoad(ctx, ctx.path.id ?? "").data,
    },
    {
      method: "GET",
      path: "/v1/account",
      handler: (ctx) => (ctx.isConnected ? mustLoad(ctx, ctx.account).data : platformAccount(ctx)),
    },
    {
      method: "POST",
      path: "/v1/accounts/:id",
      handler: (ctx) => {
        const before = mustLoad(ctx, ctx.path.id ?? "");
        const next = cloneRow(before);
        applyParams(ctx, next.data, next.extra, ctx.params);
        saveAccount(ctx, before, next);
        return next.data;
      },
    },
    {
      method: "DELETE",
      path: "/v1/accounts/:id",
      handler: (ctx) => {
        const row = mustLoad(ctx, ctx.path.id ?? "");
        ctx.tx.delete(ACCOUNTS, row.data.id);
        return { id: row.data.id, object: "account", deleted: true };
      },
    },
    {
      method: "GET",
      path: "/v1/accounts",
      handler: (ctx) => {
        const rows = ctx.kernel.store.rows<Stripe.Account>(ACCOUNTS);
        const items: Stripe.Account[] = [];
        for (let i = rows.length - 1; i >= 0; i--) {
          const row = rows[i]?.[1];
          if (row && row.owner === ctx.platform && !ctx.isConnected) items.push(row.data);
        }
        return listV1(items, ctx.params, "/v1/accounts", "account");
      },
    },
    {
      method: "GET",
      path: "/v1/accounts/:id/capabilities",
      handler: (ctx) => {
        const row = mustLoad(ctx, ctx.path.id ?? "");
        const data = CAPABILITIES.filter((c) => row.extra.requested[c] !== undefined).map((c) =>
          capabilityObject(row.data, row.extra, c),
        );
        return { object: "list", data, has_more: false, url: `/v1/accounts/${row.data.id}/capabilities` };
      },
    },
    {
      method: "GET",
      path: "/v1/accounts/:id/capabilities/:capability",
      handler: (ctx) => {
        const row = mustLoad(ctx, ctx.path.id ?? "");
        return capabilityObject(row.data, row.extra, capabilityIn(ctx));
      },
    },
    {
      method: "POST",
      path: "/v1/accounts/:id/capabilities/:capability",
      handler: (ctx) => {
        const before = mustLoad(ctx, ctx.path.id ?? "");
        const name = capabilityIn(ctx);
        const next = cloneRow(before);
        applyParams(ctx, next.data, next.extra, { capabilities: { [name]: { requested: ctx.params.requested } } });
        saveAccount(ctx, before, next);
        return capabilityObject(next.data, next.extra, name);
      },
    },
  );
}
