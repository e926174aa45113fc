import type { Endpoint, Node } from "./types";

/**
 * What Stripe's guides document and neither SDK types (`stripe@23` for v1, `stripe@20.2.0-alpha.1`
 * for the v2 preview). Each row names its source in `shared/reference/stripe-guides/`; a row
 * marked [guess] is the sandbox's reading where the guide shows the request but not the answer.
 * Keep this table small: anything an SDK declares belongs to the generated file.
 */
export type PreviewRow =
  /** A request parameter added to an endpoint's SDK params (dotted path; the parent must exist). */
  | { params: string; at: string; node: Node; optional?: boolean; source: string; type?: never }
  /** A field added to an SDK object type (by the type's name in `stripe-sdk.json`); an enum row on an existing enum adds its values. */
  | { type: string; at: string; node: Node; optional?: boolean; source: string; params?: never };

/**
 * A whole endpoint that Stripe's API reference documents and the pinned SDK has no method for. Its
 * `sdk` names the reference page it comes from (`docs docs.stripe.com/api/…`); its answer should be
 * an SDK type (`sdkTypes` below) so responses are still checked against Stripe's own declaration.
 */
export type PreviewEndpoint = Endpoint & { endpoint: string; source: string };

const str: Node = { t: "str" };
const num: Node = { t: "num" };
const nullable = (n: Node): Node => ({ t: "union", of: [{ t: "null" }, n] });
const obj = (props: Record<string, Node>, optional: string[] = Object.keys(props)): Node => ({
  t: "obj",
  props: Object.fromEntries(
    Object.entries(props).map(([k, n]) => [k, optional.includes(k) ? { n, opt: true as const } : { n }]),
  ),
});

const STABLECOIN = "stablecoin-issuing-with-connect.txt";
const ISSUING_BALANCE =
  "docs.stripe.com/issuing/funding/balance, docs.stripe.com/baas/start-integration/integration-guides/b2b-payments";

const CARD_SPEND = `${STABLECOIN} § Monitor money movement: "You can find card spending in the Received Debit v2 API"`;
const cardSpend: Node = obj({ authorization: nullable(str), card_transactions: { t: "arr", item: str } }, []);

export const PREVIEW: PreviewRow[] = [
  {
    params: "POST /v1/topups",
    at: "destination_balance",
    node: { t: "enum", values: ["issuing"] },
    optional: true,
    source: `${ISSUING_BALANCE} § Add funds: "curl https://api.stripe.com/v1/topups -d destination_balance=issuing -d amount=2000 -d currency=usd" (without it the top-up goes to the payments balance)`,
  },
  {
    type: "Topups#Topup",
    at: "destination_balance",
    node: { t: "enum", values: ["issuing", "payments"] },
    optional: true,
    source: `${ISSUING_BALANCE} [guess: the top-up answers the balance it funds]`,
  },
  {
    params: "POST /v1/payouts",
    at: "source_balance",
    node: { t: "enum", values: ["issuing"] },
    optional: true,
    source: `docs.stripe.com/issuing/connect/funding § Pay out an Issuing balance to an external account: "specifying the source_balance of the payout as issuing" (curl https://api.stripe.com/v1/payouts -H "Stripe-Account: …" -d source_balance=issuing -d amount=100 -d currency=usd; without it the payout draws on the payments balance)`,
  },
  {
    type: "FundingInstructions#FundingInstructions.BankTransfer",
    at: "type",
    node: { t: "enum", values: ["gb_bank_transfer"] },
    source: `docs.stripe.com/api/issuing/funding_instructions/create § bank_transfer.type: "gb_bank_transfer A bank transfer to a GB bank account" (stripe@23 lists eu_bank_transfer and jp_bank_transfer only)`,
  },
  {
    type: "EphemeralKeys#EphemeralKey",
    at: "associated_objects",
    node: { t: "arr", item: obj({ id: str, type: str }, []) },
    optional: true,
    source: `docs.stripe.com/api/ephemeral_keys/object: the example object answers "associated_objects": [{"type": "customer", "id": "cus_…"}] (the attribute list and the SDK leave it out; the sandbox answers [{"type": "issuing.card", "id": "ic_…"}])`,
  },
  {
    params: "POST /v1/issuing/cards",
    at: "financial_account_v2",
    node: str,
    optional: true,
    source: `${STABLECOIN} § Issue cards, Create a card: "use the financial_account_v2 parameter to specify which Connected Account's financial account" (-d financial_account_v2=fa_connected_123)`,
  },
  {
    type: "Issuing/Cards#Card",
    at: "financial_account_v2",
    node: nullable(str),
    optional: true,
    source: `${STABLECOIN} § Create a card [guess: the card answers the v2 financial account it was created with, as it answers financial_account; optional, so readers must not depend on it]`,
  },
  {
    params: "POST /v1/issuing/cardholders",
    at: "individual.user_terms_acceptance",
    node: obj({ lead: obj({ date: num, ip: str }) }),
    optional: true,
    source: `${STABLECOIN} § Create a cardholder: "Authorized user terms acceptance" (-d "individual[user_terms_acceptance][lead][date]"=1470266163 -d "individual[user_terms_acceptance][lead][ip]"=…)`,
  },
  {
    params: "POST /v1/issuing/cardholders/{}",
    at: "individual.user_terms_acceptance",
    node: obj({ lead: obj({ date: num, ip: str }) }),
    optional: true,
    source: `${STABLECOIN} § Create a cardholder [guess: an existing cardholder accepts Lead's terms by update, as card_issuing.user_terms_acceptance is updatable]`,
  },
  {
    type: "Issuing/Cardholders#Cardholder.Individual",
    at: "user_terms_acceptance",
    node: nullable(obj({ lead: nullable(obj({ date: nullable(num), ip: nullable(str) }, [])) }, [])),
    optional: true,
    source: `${STABLECOIN} § Create a cardholder [guess: the cardholder answers the acceptance it was given, like card_issuing.user_terms_acceptance]`,
  },
  {
    type: "preview#V2.MoneyManagement.ReceivedDebit",
    at: "type",
    node: { t: "enum", values: ["card_spend"] },
    source: `${CARD_SPEND} [guess: neither SDK has a card type among received debits; the sandbox names it card_spend]`,
  },
  {
    type: "preview#V2.MoneyManagement.ReceivedDebit",
    at: "card_spend",
    node: cardSpend,
    optional: true,
    source: `${CARD_SPEND} [guess: like the other types, a hash named after the type: the Issuing authorization and the captures it pays for]`,
  },
  {
    type: "preview#V2.MoneyManagement.ReceivedCredit",
    at: "type",
    node: { t: "enum", values: ["card_spend"] },
    source: `${CARD_SPEND} [guess: a refund on the card comes back the same way, as a received credit]`,
  },
  {
    type: "preview#V2.MoneyManagement.ReceivedCredit",
    at: "card_spend",
    node: cardSpend,
    optional: true,
    source: `${CARD_SPEND} [guess: the refund's authorization, if any, and its Issuing transactions]`,
  },
  {
    type: "preview#V2.Core.Account.Requirements.Entry.Impact.RestrictsCapability",
    at: "capability",
    node: { t: "enum", values: ["holds_currencies.usdc", "outbound_transfers.crypto_wallets"] },
    source: `${STABLECOIN} § Create a connected account: "storer.holds_currencies.usdc Enables stablecoin storage features", "storer.outbound_transfer.crypto_wallet Allows transfers to external wallets", then "Review and fulfill the requirements" [guess: a requirement names the storer capabilities it restricts, which the preview SDK's list leaves out]`,
  },
];

/**
 * Object types the pinned SDK declares but no SDK method the sandbox serves answers with: the generator
 * writes them into `stripe-sdk.json` (as `<file>#<name>`) so a preview endpoint can answer one.
 */
export const PREVIEW_SDK_TYPES: Array<{ file: string; name: string }> = [
  // cjs/resources/FundingInstructions.d.ts: the SDK reaches it only through customers' cash balance.
  { file: "FundingInstructions", name: "FundingInstructions" },
];

const FUNDING = "docs.stripe.com/api/issuing/funding_instructions";
const fundingInstructions: Node = { t: "ref", name: "FundingInstructions#FundingInstructions" };
const expand: Node = { t: "arr", item: str };
const page = { ending_before: str, expand, limit: num, starting_after: str };

/**
 * Push funding for the UK/EEA Issuing balance (docs.stripe.com/issuing/funding/balance § Create Funding
 * Instructions with the API, docs.stripe.com/issuing/connect/funding: "Push funding is available in the UK and
 * EU"). stripe@23 types the `FundingInstructions` object (for customers' cash balances) but no Issuing method.
 */
export const PREVIEW_ENDPOINTS: PreviewEndpoint[] = [
  {
    endpoint: "POST /v1/issuing/funding_instructions",
    sdk: `docs ${FUNDING}/create`,
    params: obj(
      {
        bank_transfer: obj({ type: { t: "enum", values: ["eu_bank_transfer", "gb_bank_transfer"] } }, []),
        currency: str,
        expand,
        funding_type: { t: "enum", values: ["bank_transfer"] },
      },
      ["expand"],
    ),
    returns: fundingInstructions,
    source: `${FUNDING}/create: bank_transfer (required; bank_transfer.type required: eu_bank_transfer | gb_bank_transfer), currency (required), funding_type (required: bank_transfer); "Returns funding instructions for an Issuing balance"`,
  },
  {
    endpoint: "GET /v1/issuing/funding_instructions",
    sdk: `docs ${FUNDING}/list`,
    list: true,
    params: obj(page),
    returns: fundingInstructions,
    source: `${FUNDING}/list: "Retrieve all applicable funding instructions for an Issuing balance" (ending_before, limit, starting_after; answers {object: "list", url: "/v1/issuing/funding_instructions", has_more, data})`,
  },
  {
    endpoint: "POST /v1/test_helpers/issuing/fund_balance",
    sdk: `docs ${FUNDING}/fund`,
    params: obj({ amount: num, currency: str, expand }, ["expand"]),
    returns: fundingInstructions,
    source: `${FUNDING}/fund: "Simulates an external bank transfer and adds funds to an Issuing balance" (amount and currency required); "Returns testmode funding instructions for an Issuing balance"`,
  },
];
