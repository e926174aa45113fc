import type Stripe from "stripe";
import { can, type BusinessRole } from "@/lib/auth/permissions";
import type { FundingModel } from "@/db/schema";

type Components = Stripe.AccountSessionCreateParams.Components;

/**
 * The embedded components and features an Account Session grants, from the user's role (the one
 * permission table) and the business's funding model. The session can do nothing else.
 */
export function accountSessionComponents(role: BusinessRole, fundingModel: FundingModel): Components {
  const manageCards = can(role, "cards.manage");
  const moveMoney = can(role, "money.move");
  const manageBusiness = can(role, "business.manage");
  // Our accounts are platform-controlled (requirement collection by the application).
  const auth = { disable_stripe_user_authentication: true };
  const components: Components = {
    notification_banner: { enabled: true, features: { ...auth, external_account_collection: manageBusiness } },
    issuing_cards_list: {
      enabled: true,
      features: {
        ...auth,
        card_management: manageCards,
        cardholder_management: manageCards,
        spend_control_management: manageCards,
        card_spend_dispute_management: manageCards,
      },
    },
    issuing_card: {
      enabled: true,
      features: {
        card_management: manageCards,
        cardholder_management: manageCards,
        spend_control_management: manageCards,
        card_spend_dispute_management: manageCards,
      },
    },
  };
  if (manageBusiness)
    components.account_onboarding = { enabled: true, features: { ...auth, external_account_collection: true } };
  if (fundingModel === "treasury") {
    components.financial_account = {
      enabled: true,
      features: { ...auth, external_account_collection: moveMoney, send_money: moveMoney, transfer_balance: moveMoney },
    };
    components.financial_account_transactions = {
      enabled: true,
      features: { card_spend_dispute_management: manageCards },
    };
  }
  return components;
}
