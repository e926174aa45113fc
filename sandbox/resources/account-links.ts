import type Stripe from "stripe";
import type { Router } from "../wire/router";
import { invalidRequest, referenceMissing } from "../wire/errors";

import { randomToken } from "../store/ids";
import { loadAccount } from "./accounts/store";

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
};

export function registerAccountLinkRoutes(router: Router): void {
  router.add({
    method: "POST",
    path: "/v1/account_links",
    handler: (ctx) => {
      const p = ctx.params as unknown as Stripe.AccountLinkCreateParams;
      const account = loadAccount(ctx, p.account);
      if (!account || ctx.isConnected) throw referenceMissing("account", p.account, "account");
      if (p.collect && p.collection_options) throw invalidRequest("You may only specify one of these parameters: collect, collection_options.", { param: "collect" });
      if (p.type === "account_update" && account.data.controller?.requirement_collection !== "application") {
        throw invalidRequest("You cannot create `account_update` type Account Links for accounts where Stripe is responsible for collecting requirements.", { param: "type" });
      }
      const token = randomToken(ctx.tx, 12);
      const link: LinkState = {
        account: p.account,
        type: p.type as LinkState["type"],
        refresh_url: p.refresh_url ?? null,
        return_url: p.return_url ?? null,
        created: ctx.now,
        expires_at: ctx.now + LINK_TTL_SECONDS,
        fields: (p.collection_options?.fields ?? p.collect ?? "currently_due") as LinkState["fields"],
        state: "new",
      };
      ctx.tx.put<LinkState>(LINKS, token, { owner: ctx.platform, data: link });
      const result: Stripe.AccountLink = {
        object: "account_link",
        created: link.created,
        expires_at: link.expires_at,
        url: `${ctx.origin}/setup/s/${p.account}/${token}`,
      };
      return result;
    },
  });
}
