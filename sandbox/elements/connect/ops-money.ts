import { PMS, type PmRow } from "../../resources/treasury/payment-methods";
import { ApiError } from "../../wire/errors";
import { minorUnits, objectId, ok, page, text, type Op, type OpCall } from "./operations";

/** Financial account components: balances/address, send money, transfer balance, bank accounts, transactions. */
const VIEW = [["financial_account"], ["financial_account_transactions"]] as const;
const SEND = [["financial_account", "send_money"]] as const;
const TRANSFER = [["financial_account", "transfer_balance"]] as const;
const BANKS = [["financial_account", "external_account_collection"]] as const;

const fa = (c: OpCall) => objectId(c, "fa");

/**
 * The path's financial account, checked to be the session account's first: `/v1` answers a
 * foreign id in a body parameter with 400, but in this API it is a path segment, so 404.
 */
async function ownFa(c: OpCall): Promise<string> {
  const id = fa(c);
  const r = await c.v1({ method: "GET", path: `/v1/treasury/financial_accounts/${id}` });
  if (r.status !== 200)
    throw new ApiError(r.status === 400 ? 404 : r.status, r.body.error as { type: string; message: string });
  return id;
}

/** Creates a USD outbound payment or transfer from the path's financial account; `rest` says where to and how. */
async function sendFromFa(
  c: OpCall,
  kind: "outbound_payments" | "outbound_transfers",
  amount: number,
  rest: Record<string, unknown>,
) {
  return c.v1({
    method: "POST",
    path: `/v1/treasury/${kind}`,
    idempotencyKey: c.idempotencyKey,
    params: { financial_account: await ownFa(c), amount, currency: "usd", ...rest },
  });
}

function bankDetails(input: Record<string, unknown>): Record<string, unknown> {
  const b = (input.bank_account ?? {}) as Record<string, unknown>;
  const routing = text(b.routing_number) ?? "";
  const number = text(b.account_number) ?? "";
  const name = text(b.account_holder_name);
  const bad = (param: string, message: string) =>
    new ApiError(400, { type: "invalid_request_error", code: "invalid_fields", param, message });
  if (!name) throw bad("bank_account[account_holder_name]", "Enter the account holder's name.");
  if (!/^\d{9}$/.test(routing)) throw bad("bank_account[routing_number]", "Enter the 9-digit routing number.");
  if (!/^\d{4,17}$/.test(number)) throw bad("bank_account[account_number]", "Enter 4 to 17 digits.");
  const type = b.account_holder_type === "company" ? "company" : "individual";
  return {
    type: "us_bank_account",
    us_bank_account: { routing_number: routing, account_number: number, account_holder_type: type },
    billing_details: { name },
  };
}

/**
 * The account's verified bank accounts for outbound money. There is no `/v1` list of
 * PaymentMethods in the sandbox, so this one read looks at the table directly, limited to the
 * session's account; every write still goes through `/v1`.
 */
function savedBanks(c: OpCall, selfOnly: boolean): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const [, row] of c.kernel.store.rows(PMS)) {
    const pm = row as unknown as PmRow;
    if (pm.owner !== c.session.account || !pm.extra.verified || !pm.extra.flow_directions.includes("outbound"))
      continue;
    if (selfOnly && !pm.extra.attached_to_self) continue;
    const b = pm.data.us_bank_account;
    out.push({
      id: pm.data.id,
      name: pm.data.billing_details.name,
      bank_name: b?.bank_name ?? null,
      last4: b?.last4 ?? null,
      routing_number: b?.routing_number ?? null,
      own: pm.extra.attached_to_self,
    });
  }
  return out.reverse();
}

function destination(input: Record<string, unknown>): Record<string, unknown> {
  const to = text(input.destination) ?? "";
  if (/^fa_[A-Za-z0-9]+$/.test(to))
    return { destination_payment_method_data: { type: "financial_account", financial_account: to } };
  if (/^pm_[A-Za-z0-9]+$/.test(to)) return { destination_payment_method: to };
  throw new ApiError(400, {
    type: "invalid_request_error",
    code: "parameter_missing",
    param: "destination",
    message: "Choose where the money goes.",
  });
}

const network = (v: unknown) => (v === "us_domestic_wire" ? "us_domestic_wire" : "ach");

export const moneyOps: Op[] = [
  {
    method: "GET",
    path: "/financial_accounts/:fa",
    grants: VIEW,
    run: (c) => c.v1({ method: "GET", path: `/v1/treasury/financial_accounts/${fa(c)}` }),
  },
  // Other financial accounts of the same account: destinations for "Transfer balance".
  {
    method: "GET",
    path: "/financial_accounts",
    grants: TRANSFER,
    run: (c) => c.v1({ method: "GET", path: "/v1/treasury/financial_accounts", params: { limit: 100 } }),
  },
  {
    method: "GET",
    path: "/financial_accounts/:fa/transactions",
    grants: VIEW,
    run: async (c) =>
      c.v1({
        method: "GET",
        path: "/v1/treasury/transactions",
        params: { financial_account: await ownFa(c), ...page(c.input) },
      }),
  },
  {
    method: "GET",
    path: "/bank_accounts",
    grants: [...SEND, ...TRANSFER, ...BANKS],
    run: async (c) => ok({ object: "list", data: savedBanks(c, c.input.own === "true") }),
  },
  {
    method: "POST",
    path: "/bank_accounts",
    grants: BANKS,
    run: async (c) => {
      // Stripe's component collects the account's own bank account (Financial Connections or manual entry);
      // the sandbox sets it up with a SetupIntent attached to self and verifies it with Stripe's test code.
      const pmData = bankDetails(c.input);
      const mandate = {
        customer_acceptance: { type: "online", online: { ip_address: c.ip, user_agent: c.userAgent || "sandbox" } },
      };
      const si = await c.v1({
        method: "POST",
        path: "/v1/setup_intents",
        idempotencyKey: c.idempotencyKey,
        params: {
          allowed_payment_method_types: ["us_bank_account"],
          attach_to_self: true,
          flow_directions: ["inbound", "outbound"],
          payment_method_data: pmData,
          mandate_data: mandate,
          confirm: true,
        },
      });
      if (si.status !== 200) return si;
      const verified = await c.v1({
        method: "POST",
        path: `/v1/setup_intents/${String(si.body.id)}/verify_microdeposits`,
        params: { descriptor_code: "SM11AA" },
      });
      if (verified.status !== 200) return verified;
      return ok({ object: "list", data: savedBanks(c, false) });
    },
  },
  {
    method: "POST",
    path: "/financial_accounts/:fa/outbound_payments",
    grants: SEND,
    run: async (c) => {
      const amount = minorUnits(c.input.amount);
      const to = text(c.input.destination);
      const dest = to
        ? { destination_payment_method: destination(c.input).destination_payment_method }
        : { destination_payment_method_data: bankDetails(c.input) };
      if (to && !dest.destination_payment_method)
        throw new ApiError(400, {
          type: "invalid_request_error",
          param: "destination",
          message: "Send money goes to a bank account.",
        });
      return sendFromFa(c, "outbound_payments", amount, {
        ...dest,
        description: text(c.input.description),
        destination_payment_method_options: { us_bank_account: { network: network(c.input.network) } },
        end_user_details: { present: true, ip_address: c.ip },
      });
    },
  },
  {
    method: "POST",
    path: "/financial_accounts/:fa/outbound_transfers",
    grants: TRANSFER,
    run: async (c) => {
      const amount = minorUnits(c.input.amount);
      const dest = destination(c.input);
      const options = dest.destination_payment_method
        ? { destination_payment_method_options: { us_bank_account: { network: network(c.input.network) } } }
        : {};
      return sendFromFa(c, "outbound_transfers", amount, {
        ...dest,
        ...options,
        description: text(c.input.description),
      });
    },
  },
];
