import { createHash } from "node:crypto";
import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { newestFirst } from "../common";
import { loadAccount } from "../accounts/store";
import { openTopup, succeedTopup } from "./topups";
import { transferTypeFor } from "./regions";

/**
 * Push funding for a UK/EEA Issuing balance (docs.stripe.com/issuing/funding/balance § Create Funding Instructions
 * with the API; docs.stripe.com/api/issuing/funding_instructions). Neither endpoint is in stripe@23: they are
 * declared in `contract/preview.ts` and answer the SDK's `FundingInstructions` type.
 *
 * - `POST /v1/issuing/funding_instructions` "Create or retrieve funding instructions for an Issuing balance …
 *   we'll return the same funding instructions each time": one per account and currency, the same object after.
 * - `GET /v1/issuing/funding_instructions`: the account's, as a v1 list.
 * - `POST /v1/test_helpers/issuing/fund_balance` {amount, currency}: "Simulates an external bank transfer and adds
 *   funds to an Issuing balance"; "When that account receives funds, they're immediately available as a top-up to
 *   your Stripe account's Issuing balance" (docs.stripe.com/issuing/funding/balance). It answers the funding
 *   instructions it was sent to ("Returns testmode funding instructions for an Issuing balance").
 */
export const FUNDING_INSTRUCTIONS = "issuing_funding_instructions";
type Json = Record<string, unknown>;
type FundingInstructions = Stripe.FundingInstructions;

/** What the account's country allows: GB pushes gbp by gb_bank_transfer, the EEA eur by eu_bank_transfer. */
function fundingRegion(ctx: Ctx): { country: string; currency: string; type: "gb_bank_transfer" | "eu_bank_transfer" } {
  const account = ctx.isConnected ? loadAccount(ctx, ctx.account)?.data : undefined;
  const country = account?.country ?? "US";
  const type = transferTypeFor(country);
  // "This API is currently only available for users with an activated account in the Euro area or United Kingdom"
  // (docs.stripe.com/issuing/funding/balance); US push funding is a beta ("United States Beta"). A US account
  // answers as Stripe was seen to answer it: "A Funding Instruction is not currently supported for US".
  // [guess: the status and type; no code or param is known]
  if (!type)
    throw invalidRequest(
      `A Funding Instruction is not currently supported for ${country}. Fund this Issuing balance with a top-up (POST /v1/topups with destination_balance=issuing).`,
    );
  return { country, currency: account?.default_currency ?? (type === "gb_bank_transfer" ? "gbp" : "eur"), type };
}

/** Digits derived from the account id (and currency), so an account's instructions are the same after a reset. */
function digits(seed: string, n: number): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  let out = "";
  for (let i = 0; out.length < n; i += 2) out += String(parseInt(hex.slice(i, i + 2), 16) % 10);
  return out;
}

/** ISO 13616 check digits (mod 97) for `country` + `bban`. */
function iban(country: string, bban: string): string {
  const moved = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of moved) rest = (rest * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rest).padStart(2, "0")}${bban}`;
}

/** An address whose only known part is its country. [guess: Stripe's examples leave the addresses out; the SDK requires them] */
const countryOnly = (country: string): Stripe.Address => ({
  city: null,
  country,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
});

/**
 * The account's bank details for pushing funds. The account holder is Stripe, not the business: Stripe's
 * example answers "account_holder_name": "Stripe Technology Europe Limited", "bic": "SXPYDEHH", "country": "DE",
 * "iban": "DE00000000000000000001" for eu_bank_transfer. For gb_bank_transfer the holder is Stripe's UK entity
 * [guess: "Stripe Payments UK Limited"], sort code 108800 (Stripe's test sort code, docs.stripe.com/testing)
 * [guess], networks bacs and fps (the balance page's "United Kingdom: FPS, BACS"). Numbers come from the account
 * id [sandbox: Stripe's are unique per account and currency too, "unique and able to receive funds any number of times"].
 */
function instructionsFor(account: string, currency: string, type: "gb_bank_transfer" | "eu_bank_transfer") {
  const seed = `${account}:${currency}`;
  if (type === "gb_bank_transfer") {
    const address: Stripe.FundingInstructions.BankTransfer.FinancialAddress = {
      sort_code: {
        account_holder_address: countryOnly("GB"),
        account_holder_name: "Stripe Payments UK Limited",
        account_number: digits(seed, 8),
        bank_address: countryOnly("GB"),
        sort_code: "108800",
      },
      supported_networks: ["bacs", "fps"],
      type: "sort_code",
    };
    return { country: "GB", financial_addresses: [address], type };
  }
  const address: Stripe.FundingInstructions.BankTransfer.FinancialAddress = {
    iban: {
      account_holder_address: countryOnly("IE"),
      account_holder_name: "Stripe Technology Europe Limited",
      bank_address: countryOnly("DE"),
      bic: "SXPYDEHH",
      country: "DE",
      iban: iban("DE", `00000000${digits(seed, 10)}`),
    },
    supported_networks: ["sepa"],
    type: "iban",
  };
  return { country: "DE", financial_addresses: [address], type };
}

const keyOf = (account: string, currency: string) => `${account}:${currency}`;

function existing(ctx: Ctx, currency: string): FundingInstructions | undefined {
  const row = ctx.tx.get<FundingInstructions>(FUNDING_INSTRUCTIONS, keyOf(ctx.account, currency));
  return row && row.owner === ctx.account ? row.data : undefined;
}

/** Create once per account and currency, then the same object. */
function createOrRetrieve(ctx: Ctx): FundingInstructions {
  const p = ctx.params;
  const region = fundingRegion(ctx);
  const type = (p.bank_transfer as Json | undefined)?.type as string;
  const currency = String(p.currency).toLowerCase();
  // [stricter: Stripe lists both types and "a supported currency"; the sandbox takes only the pair the account's
  // country pushes in, as its Issuing balance holds only its own currency]
  if (type !== region.type)
    throw invalidRequest(
      `bank_transfer[type] must be ${region.type} for an account in ${region.country}; ${type} is not available.`,
      { param: "bank_transfer[type]" },
    );
  if (currency !== region.currency)
    throw invalidRequest(
      `This account's Issuing balance holds ${region.currency}; funding instructions in ${currency} are not available for accounts in ${region.country}.`,
      { param: "currency" },
    );
  const had = existing(ctx, currency);
  if (had) return had;
  const created: FundingInstructions = {
    object: "funding_instructions",
    bank_transfer: instructionsFor(ctx.account, currency, region.type),
    currency,
    funding_type: "bank_transfer",
    livemode: false,
  };
  ctx.tx.put(FUNDING_INSTRUCTIONS, keyOf(ctx.account, currency), { owner: ctx.account, data: created });
  return created;
}

/**
 * A bank transfer arrives at the account's funding instructions: a `topup` to the Issuing balance, succeeded in the
 * same request (`topup.created`, `topup.succeeded`, `balance.available`; a `topup` balance transaction).
 * [guess: Stripe does not document the top-up a push creates; here it passes through `pending` inside one change
 * set, so `topup.created` shows it pending and `topup.succeeded` follows at once, as for a settled pull top-up]
 */
function fundBalance(ctx: Ctx): FundingInstructions {
  const region = fundingRegion(ctx);
  const currency = String(ctx.params.currency).toLowerCase();
  if (currency !== region.currency)
    throw invalidRequest(
      `This account's Issuing balance holds ${region.currency}; a bank transfer in ${currency} cannot fund it.`,
      { param: "currency" },
    );
  const to = existing(ctx, currency);
  // [stricter: a transfer needs an address to go to; Stripe may create the instructions on the fly]
  if (!to)
    throw invalidRequest(
      `This account has no funding instructions in ${currency}: create them first (POST /v1/issuing/funding_instructions with funding_type=bank_transfer, bank_transfer[type]=${region.type}, currency=${currency}).`,
      { param: "currency" },
    );
  const topup = openTopup(ctx, {
    amount: ctx.params.amount as number, // a positive integer: the contract's constraint (constraints.ts)
    currency,
    destination: "issuing",
    description: null,
    metadata: {},
    statement_descriptor: null,
    transfer_group: null,
    availableAfterDays: 0,
  });
  succeedTopup(ctx, topup.id);
  return to;
}

export function registerFundingInstructionRoutes(kernel: Kernel): void {
  kernel.router.add(
    { method: "POST", path: "/v1/issuing/funding_instructions", handler: createOrRetrieve },
    {
      method: "GET",
      path: "/v1/issuing/funding_instructions",
      handler: (ctx) => {
        // Funding instructions have no id, so there is nothing to page from. [stricter: the reference lists the
        // cursors; an account has at most one object per currency, and its own currency only]
        for (const param of ["starting_after", "ending_before"])
          if (ctx.params[param] !== undefined)
            throw invalidRequest(`Funding instructions have no id: ${param} cannot name one.`, { param });
        const all = newestFirst<FundingInstructions>(ctx, FUNDING_INSTRUCTIONS);
        const limit = (ctx.params.limit as number | undefined) ?? 10;
        return {
          object: "list",
          data: all.slice(0, limit),
          has_more: all.length > limit,
          url: "/v1/issuing/funding_instructions",
        };
      },
    },
    { method: "POST", path: "/v1/test_helpers/issuing/fund_balance", handler: fundBalance },
  );
}
