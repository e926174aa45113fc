import type Stripe from "stripe";
import type { Router } from "../wire/router";
import { invalidRequest, referenceMissing } from "../wire/errors";

import { randomToken } from "../store/ids";
import { loadAccount } from "./accounts/store";

export const SESSIONS = "account_sessions";
const SESSION_TTL_SECONDS = 3600;

const DSUA = "disable_stripe_user_authentication";
const EAC = "external_account_collection";
const payments = {
  capture_payments: true,
  destination_on_behalf_of_charge_management: false,
  dispute_management: true,
  refund_management: true,
  smart_disputes_management: false,
};
const payouts = {
  [DSUA]: false,
  edit_payout_schedule: false,
  [EAC]: true,
  instant_payouts: true,
  standard_payouts: false,
};
const issuing = {
  card_management: false,
  card_spend_dispute_management: false,
  cardholder_management: false,
  spend_control_management: false,
};

/** Every component of stripe@23.1.0's AccountSessionCreateParams with its default features. */
const COMPONENTS: Record<string, Record<string, boolean>> = {
  account_management: { [DSUA]: false, [EAC]: true },
  account_onboarding: { [DSUA]: false, [EAC]: true },
  balance_report: {},
  balances: payouts,
  disputes_list: payments,
  documents: {},
  financial_account: { [DSUA]: false, [EAC]: true, send_money: true, transfer_balance: true },
  financial_account_transactions: { card_spend_dispute_management: false },
  instant_payouts_promotion: { [DSUA]: false, [EAC]: true, instant_payouts: true },
  issuing_card: issuing,
  issuing_cards_list: { ...issuing, [DSUA]: false },
  notification_banner: { [DSUA]: false, [EAC]: true },
  payment_details: payments,
  payment_disputes: {
    destination_on_behalf_of_charge_management: false,
    dispute_management: true,
    refund_management: true,
    smart_disputes_management: false,
  },
  payment_method_settings: { [DSUA]: false },
  payments,
  payout_details: {},
  payout_reconciliation_report: {},
  payouts,
  payouts_list: {},
  reporting_chart: {},
  tax_registrations: {},
  tax_settings: {},
  terminal_hardware_orders: {},
  terminal_hardware_shop: {},
};

export type SessionState = {
  account: string;
  components: Record<string, { enabled: boolean; features: Record<string, boolean> }>;
  created: number;
  expires_at: number;
};

/** Account Sessions: the client secret the embedded components (and the sandbox's connect.js) run on. */
export function registerAccountSessionRoutes(router: Router): void {
  router.add({
    method: "POST",
    path: "/v1/account_sessions",
    handler: (ctx) => {
      const p = ctx.params as {
        account: string;
        components: Record<string, { enabled: boolean; features?: Record<string, boolean> }>;
      };
      const account = loadAccount(ctx, p.account);
      if (!account || ctx.isConnected) throw referenceMissing("account", p.account, "account");
      const platformCollects = account.data.controller?.requirement_collection === "application";
      const components: SessionState["components"] = {};
      for (const [name, defaults] of Object.entries(COMPONENTS)) {
        const asked = p.components[name];
        const features = { ...defaults, ...asked?.features };
        // The default of disable_stripe_user_authentication is the opposite of external_account_collection.
        if (EAC in features && DSUA in features && asked?.features?.[DSUA] === undefined)
          features[DSUA] = !features[EAC];
        if (asked && features[DSUA] === true && !platformCollects) {
          throw invalidRequest(
            `\`${DSUA}\` can only be true for accounts where \`controller.requirement_collection\` is \`application\`.`,
            { param: `components[${name}][features][${DSUA}]` },
          );
        }
        if (asked && features[EAC] === false && !platformCollects) {
          throw invalidRequest(
            `\`${EAC}\` can only be false for accounts where \`controller.requirement_collection\` is \`application\`.`,
            { param: `components[${name}][features][${EAC}]` },
          );
        }
        components[name] = { enabled: asked?.enabled ?? false, features };
      }
      const secret = `accs_secret__${randomToken(ctx.tx, 44)}`;
      const state: SessionState = {
        account: p.account,
        components,
        created: ctx.now,
        expires_at: ctx.now + SESSION_TTL_SECONDS,
      };
      ctx.tx.put<SessionState>(SESSIONS, secret, { owner: ctx.platform, data: state });
      return {
        object: "account_session",
        account: p.account,
        client_secret: secret,
        components: components as unknown as Stripe.AccountSession.Components,
        expires_at: state.expires_at,
        livemode: false,
      } satisfies Stripe.AccountSession;
    },
  });
}
