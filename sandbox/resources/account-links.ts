import type Stripe from "stripe";
import type { Router } from "../wire/router";
import type { Ctx } from "../wire/context";
import { invalidRequest, referenceMissing, v2Error } from "../wire/errors";

import { randomToken } from "../store/ids";
import { loadAccount, type AccountRow } from "./accounts/store";
import type { V2State } from "./v2-accounts/view";

export const LINKS = "account_links";
/** Links are single use and short-lived, like Stripe's (about five minutes). */
export const LINK_TTL_SECONDS = 300;

export type LinkState = {
  account: string;
  type: "account_onboarding" | "account_update";
  refresh_url: string | null;
  return_url: string | null;
  created: number;
  expires_at: number;
  fields: "currently_due" | "eventually_due";
  /** new → opened (page shown once) → used (form submitted). */
  state: "new" | "opened" | "used";
  /** Which API made it: v2 links name the configurations they onboard. */
  api?: "v1" | "v2";
  configurations?: string[];
};

/** Configurations that exist only on Accounts v2 (the stablecoin program): such accounts onboard through v2 links. */
const V2_ONLY = ["storer", "card_creator"];

function v2Configurations(row: AccountRow): string[] {
  return Object.keys((row.extra.v2 as V2State | undefined)?.configuration ?? {});
}

function saveLink(ctx: Ctx, link: LinkState): string {
  const token = randomToken(ctx.tx, 12);
  ctx.tx.put<LinkState>(LINKS, token, { owner: ctx.platform, data: link });
  return `${ctx.origin}/setup/s/${link.account}/${token}`;
}

/** `POST /v1/account_links`: Stripe's hosted onboarding for an account, single use. */
function createV1(ctx: Ctx): Stripe.AccountLink {
  const p = ctx.params as unknown as Stripe.AccountLinkCreateParams;
  const account = loadAccount(ctx, p.account);
  if (!account || ctx.isConnected) throw referenceMissing("account", p.account, "account");
  if (p.collect && p.collection_options)
    throw invalidRequest("You may only specify one of these parameters: collect, collection_options.", {
      param: "collect",
    });
  // [stricter] Stripe documents v2 links for v2 accounts (changelog 2025-07-30.preview) and says nothing of v1 links
  // for configurations v1 cannot express; the sandbox refuses them rather than onboard half an account.
  const v2Only = v2Configurations(account).filter((c) => V2_ONLY.includes(c));
  if (v2Only.length) {
    throw invalidRequest(
      `The account ${p.account} has the ${v2Only.join(" and ")} configuration${v2Only.length > 1 ? "s" : ""}, which v1 Account Links cannot onboard. Create a v2 Account Link (POST /v2/core/account_links) naming its configurations instead.`,
      { param: "account" },
    );
  }
  if (p.type === "account_update" && account.data.controller?.requirement_collection !== "application") {
    throw invalidRequest(
      "You cannot create `account_update` type Account Links for accounts where Stripe is responsible for collecting requirements.",
      { param: "type" },
    );
  }
  const link: LinkState = {
    account: p.account,
    type: p.type as LinkState["type"],
    refresh_url: p.refresh_url ?? null,
    return_url: p.return_url ?? null,
    created: ctx.now,
    expires_at: ctx.now + LINK_TTL_SECONDS,
    fields: (p.collection_options?.fields ?? p.collect ?? "currently_due") as LinkState["fields"],
    state: "new",
    api: "v1",
  };
  const url = saveLink(ctx, link);
  return { object: "account_link", created: link.created, expires_at: link.expires_at, url };
}

type V2UseCaseBody = {
  configurations: string[];
  refresh_url: string;
  return_url?: string;
  collection_options?: { fields?: "currently_due" | "eventually_due"; future_requirements?: "include" | "omit" };
};
type V2LinkParams = {
  account: string;
  use_case: {
    type: "account_onboarding" | "account_update";
    account_onboarding?: V2UseCaseBody;
    account_update?: V2UseCaseBody;
  };
};

const bad = (param: string, message: string) =>
  v2Error(400, "invalid_request_error", "invalid_fields", message, { param });
const iso = (unix: number) => new Date(unix * 1000).toISOString();

/**
 * `POST /v2/core/account_links` (preview SDK `V2.Core.AccountLinks.create`, 2025-12-15.preview):
 * the same hosted page, for the configurations named. [stricter] The use case's hash must match its
 * `type`, and every configuration named must be applied to the account.
 */
function createV2(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params as unknown as V2LinkParams;
  const account = loadAccount(ctx, p.account);
  if (!account || ctx.isConnected) throw bad("account", `No such account: '${p.account}'.`);
  const type = p.use_case.type;
  const other = type === "account_onboarding" ? "account_update" : "account_onboarding";
  const body = p.use_case[type];
  if (!body)
    throw bad(`use_case.${type}`, `Missing required param: use_case.${type} (the hash for use_case.type ${type}).`);
  if (p.use_case[other]) throw bad(`use_case.${other}`, `use_case.${other} does not go with use_case.type ${type}.`);
  const applied = v2Configurations(account);
  if (body.configurations.length === 0)
    throw bad(`use_case.${type}.configurations`, "Name at least one of the account's configurations.");
  const unknown = body.configurations.filter((c) => !applied.includes(c));
  if (unknown.length) {
    throw bad(
      `use_case.${type}.configurations`,
      `The account ${p.account} does not have the ${unknown.join(", ")} configuration${unknown.length > 1 ? "s" : ""} (it has: ${applied.join(", ") || "none"}).`,
    );
  }
  if (type === "account_update" && account.data.controller?.requirement_collection !== "application") {
    throw bad(
      "use_case.type",
      "You cannot create `account_update` Account Links for accounts where Stripe is responsible for collecting requirements.",
    );
  }
  const link: LinkState = {
    account: p.account,
    type,
    refresh_url: body.refresh_url,
    return_url: body.return_url ?? null,
    created: ctx.now,
    expires_at: ctx.now + LINK_TTL_SECONDS,
    fields: body.collection_options?.fields ?? "currently_due",
    state: "new",
    api: "v2",
    configurations: [...body.configurations],
  };
  const url = saveLink(ctx, link);
  return {
    object: "v2.core.account_link",
    account: p.account,
    created: iso(link.created),
    expires_at: iso(link.expires_at),
    livemode: false,
    url,
    use_case: { type, [type]: body },
  };
}

export function registerAccountLinkRoutes(router: Router): void {
  router.add(
    { method: "POST", path: "/v1/account_links", handler: createV1 },
    { method: "POST", path: "/v2/core/account_links", handler: createV2 },
  );
}
