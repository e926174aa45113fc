import { ApiError } from "../../wire/errors";
import { runNow } from "../../resources/later";
import { mintNonce } from "../../resources/issuing/nonces";
import { minorUnits, objectId, ok, page, text, type Op, type OpCall } from "./operations";

/** Issuing components: list/search, cardholders, cards, status, spending controls, reveal, disputes. */
const CARDS = ["issuing_cards_list", "issuing_card"] as const;
const VIEW = CARDS.map((c) => [c] as const);
const feature = (f: string, also: readonly string[] = []) => [...CARDS, ...also].map((c) => [c, f] as const);
const CARD_MANAGEMENT = feature("card_management");
const CARDHOLDERS = feature("cardholder_management");
const SPEND = feature("spend_control_management");
const DISPUTES = feature("card_spend_dispute_management", ["financial_account_transactions"]);
const INTERVALS = new Set(["per_authorization", "daily", "weekly", "monthly", "yearly", "all_time"]);

const card = (c: OpCall) => objectId(c, "card");
const bad = (param: string, message: string) =>
  new ApiError(400, { type: "invalid_request_error", code: "invalid_fields", param, message });

/** Cards are listed newest first; `q` searches the last 4 digits, the cardholder's name and the id. */
async function listCards(c: OpCall) {
  const q = (text(c.input.q) ?? "").toLowerCase();
  const status = ["active", "inactive", "canceled"].includes(String(c.input.status))
    ? String(c.input.status)
    : undefined;
  if (!q) return c.v1({ method: "GET", path: "/v1/issuing/cards", params: { ...page(c.input), status } });
  const r = await c.v1({ method: "GET", path: "/v1/issuing/cards", params: { limit: 100, status } });
  if (r.status !== 200) return r;
  const data = (r.body.data as Array<Record<string, unknown>>).filter((x) => {
    const holder = (x.cardholder ?? {}) as Record<string, unknown>;
    return [x.last4, x.id, holder.name, holder.email].some((v) => typeof v === "string" && v.toLowerCase().includes(q));
  });
  return ok({ object: "list", data, has_more: false, url: "/v1/issuing/cards" });
}

/**
 * Whether the session's account issues through card_creator's Lead Bank program (a stablecoin
 * account): its cardholders accept Lead's terms and its cards spend a v2 financial account.
 */
async function leadProgram(c: OpCall): Promise<boolean> {
  const r = await c.v1({
    method: "GET",
    path: `/v2/core/accounts/${c.session.account}`,
    params: { "include[0]": "configuration.card_creator" },
    asPlatform: true,
  });
  const creator = (
    (r.body.configuration ?? {}) as Record<string, { capabilities?: { commercial?: { lead?: unknown } } }>
  ).card_creator;
  return r.status === 200 && !!creator?.capabilities?.commercial?.lead;
}

/** The connected account's country: a cardholder's address is there unless the form says otherwise. */
async function accountCountry(c: OpCall): Promise<string> {
  const r = await c.v1({ method: "GET", path: "/v1/account" });
  return (r.status === 200 && text(r.body.country)) || "US";
}

function cardholderParams(c: OpCall, lead: boolean, accountCountry: string): Record<string, unknown> {
  const i = c.input;
  const first = text(i.first_name);
  const last = text(i.last_name);
  if (!first) throw bad("first_name", "Enter the cardholder's first name.");
  if (!last) throw bad("last_name", "Enter the cardholder's last name.");
  const a = (i.address ?? {}) as Record<string, unknown>;
  for (const [k, label] of [
    ["line1", "a street address"],
    ["city", "a city"],
    ["postal_code", "a postal code"],
  ] as const)
    if (!text(a[k])) throw bad(`address[${k}]`, `Enter ${label}.`);
  const terms = i.accept_terms === true || i.accept_terms === "on";
  if (!terms) throw bad("accept_terms", "The cardholder must accept the Issuing terms.");
  return {
    type: "individual",
    name: `${first} ${last}`.slice(0, 24),
    email: text(i.email),
    phone_number: text(i.phone_number),
    status: "active",
    billing: {
      address: {
        line1: text(a.line1),
        city: text(a.city),
        state: text(a.state),
        postal_code: text(a.postal_code),
        country: text(a.country) ?? accountCountry,
      },
    },
    individual: lead
      ? {
          first_name: first,
          last_name: last,
          user_terms_acceptance: { lead: { date: c.kernel.clock.now(), ip: c.ip } },
        }
      : {
          first_name: first,
          last_name: last,
          card_issuing: {
            user_terms_acceptance: { date: c.kernel.clock.now(), ip: c.ip, user_agent: c.userAgent || "sandbox" },
          },
        },
  };
}

function limits(input: Record<string, unknown>): unknown {
  const list = Array.isArray(input.spending_limits) ? (input.spending_limits as Array<Record<string, unknown>>) : [];
  if (list.length === 0) return ""; // emptyable: clears the card's limits
  return list.map((l, n) => {
    if (!INTERVALS.has(String(l.interval))) throw bad(`spending_limits[${n}][interval]`, "Choose an interval.");
    return { amount: minorUnits(l.amount, `spending_limits[${n}][amount]`), interval: String(l.interval) };
  });
}

const SERVICES = new Set(["standard", "express", "priority"]);

/**
 * What a physical card order adds to POST /v1/issuing/cards, in Stripe's own shape (`shipping[name]`,
 * `shipping[address][…]`, `shipping[service]`, `personalization_design`). Checked here first so a
 * missing field shows next to its input; the API's own refusals (e.g. a stablecoin card must ship
 * express or priority) come back with their param and land on the same inputs.
 */
function physicalParams(input: Record<string, unknown>): Record<string, unknown> {
  const s = (input.shipping ?? {}) as Record<string, unknown>;
  const a = (s.address ?? {}) as Record<string, unknown>;
  const name = text(s.name);
  if (!name) throw bad("shipping[name]", "Enter the name to ship the card to.");
  for (const [k, label] of [
    ["line1", "a street address"],
    ["city", "a city"],
    ["postal_code", "a postal code"],
    ["country", "a country"],
  ] as const)
    if (!text(a[k])) throw bad(`shipping[address][${k}]`, `Enter ${label}.`);
  const service = text(s.service) ?? "standard";
  if (!SERVICES.has(service)) throw bad("shipping[service]", "Choose standard, express or priority shipping.");
  const design = text(input.personalization_design);
  if (!design) throw bad("personalization_design", "Choose a card design.");
  return {
    shipping: {
      name: name.slice(0, 100),
      address: {
        line1: text(a.line1),
        line2: text(a.line2),
        city: text(a.city),
        state: text(a.state),
        postal_code: text(a.postal_code),
        country: text(a.country)?.toUpperCase(),
      },
      service,
    },
    personalization_design: design,
  };
}

const list = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && /^[a-z_]+$/.test(x)) : [];

export const issuingOps: Op[] = [
  { method: "GET", path: "/issuing/cards", grants: VIEW, run: listCards },
  {
    method: "GET",
    path: "/issuing/cards/:card",
    grants: VIEW,
    run: (c) => c.v1({ method: "GET", path: `/v1/issuing/cards/${card(c)}` }),
  },
  {
    method: "GET",
    path: "/issuing/cards/:card/transactions",
    grants: VIEW,
    run: (c) => c.v1({ method: "GET", path: "/v1/issuing/transactions", params: { card: card(c), ...page(c.input) } }),
  },
  {
    method: "GET",
    path: "/issuing/cardholders",
    grants: [...CARD_MANAGEMENT, ...CARDHOLDERS],
    run: (c) => c.v1({ method: "GET", path: "/v1/issuing/cardholders", params: { limit: 100 } }),
  },
  {
    method: "POST",
    path: "/issuing/cardholders",
    grants: CARDHOLDERS,
    run: async (c) =>
      c.v1({
        method: "POST",
        path: "/v1/issuing/cardholders",
        params: cardholderParams(c, await leadProgram(c), await accountCountry(c)),
        idempotencyKey: c.idempotencyKey,
      }),
  },
  {
    method: "POST",
    path: "/issuing/cards",
    grants: CARD_MANAGEMENT,
    run: async (c) => {
      const holder = text(c.input.cardholder);
      if (!holder) throw bad("cardholder", "Choose a cardholder.");
      const type = c.input.type === undefined ? "virtual" : String(c.input.type);
      if (type !== "virtual" && type !== "physical") throw bad("type", "Choose a virtual or a physical card.");
      const physical = type === "physical" ? physicalParams(c.input) : {};
      // A Treasury financial account is `financial_account`; a stablecoin account's v2 one is `financial_account_v2`.
      const fa = text(c.input.financial_account);
      const faV2 = text(c.input.financial_account_v2);
      // A card spends in its funding's currency: USD on a financial account, else the account's own
      // (GBP or EUR on a UK/EEA Issuing balance).
      const account = await c.v1({ method: "GET", path: "/v1/account" });
      const own = account.status === 200 ? text(account.body.default_currency) : undefined;
      const currency = fa || faV2 ? "usd" : (own ?? "usd");
      return c.v1({
        method: "POST",
        path: "/v1/issuing/cards",
        idempotencyKey: c.idempotencyKey,
        params: {
          cardholder: holder,
          type,
          currency,
          // A physical card is made inactive, as Stripe's are: it is activated once the cardholder has it.
          status: type === "physical" || c.input.activate === false ? "inactive" : "active",
          ...physical,
          ...(fa ? { financial_account: fa } : {}),
          ...(faV2 ? { financial_account_v2: faV2 } : {}),
        },
      });
    },
  },
  {
    // The designs a physical card can be printed with: the connected account's active ones (its default among them).
    method: "GET",
    path: "/issuing/personalization_designs",
    grants: CARD_MANAGEMENT,
    run: (c) =>
      c.v1({ method: "GET", path: "/v1/issuing/personalization_designs", params: { status: "active", limit: 100 } }),
  },
  {
    method: "POST",
    path: "/issuing/cards/:card/status",
    grants: CARD_MANAGEMENT,
    run: (c) => {
      const status = String(c.input.status);
      if (!["active", "inactive", "canceled"].includes(status))
        throw bad("status", "Choose active, inactive or canceled.");
      const reason =
        c.input.cancellation_reason === "lost" || c.input.cancellation_reason === "stolen"
          ? c.input.cancellation_reason
          : undefined;
      return c.v1({
        method: "POST",
        path: `/v1/issuing/cards/${card(c)}`,
        params: { status, cancellation_reason: status === "canceled" ? reason : undefined },
        idempotencyKey: c.idempotencyKey,
      });
    },
  },
  {
    method: "POST",
    path: "/issuing/cards/:card/spending_controls",
    grants: SPEND,
    run: (c) => {
      const blocked = list(c.input.blocked_categories);
      const controls = { spending_limits: limits(c.input), blocked_categories: blocked.length ? blocked : "" };
      return c.v1({
        method: "POST",
        path: `/v1/issuing/cards/${card(c)}`,
        params: { spending_controls: controls },
        idempotencyKey: c.idempotencyKey,
      });
    },
  },
  {
    // The component makes the nonce for the card it shows (as Stripe's does), then asks the app's fetchEphemeralKey.
    method: "POST",
    path: "/issuing/cards/:card/nonce",
    grants: VIEW,
    run: async (c) => {
      const mine = await c.v1({ method: "GET", path: `/v1/issuing/cards/${card(c)}` });
      if (mine.status !== 200) return mine;
      return ok({ nonce: await runNow(c.kernel, (ctx) => mintNonce(ctx, card(c))) });
    },
  },
  {
    method: "POST",
    path: "/issuing/cards/:card/reveal",
    grants: VIEW,
    run: async (c) => {
      // The card must be the session account's (404 otherwise) and the key the app made for it.
      const mine = await c.v1({ method: "GET", path: `/v1/issuing/cards/${card(c)}` });
      if (mine.status !== 200) return mine;
      const key = text(c.input.ephemeral_key_secret) ?? "";
      if (!/^ek_test_[A-Za-z0-9_]+$/.test(key))
        throw bad("ephemeral_key_secret", "fetchEphemeralKey did not return an ephemeral key secret (ek_test_…).");
      const r = await c.v1({
        method: "GET",
        path: `/v1/issuing/cards/${card(c)}`,
        params: { expand: ["number", "cvc"] },
        apiKey: key,
      });
      // A refused key is the app's problem, not an expired session: never answer 401 here (connect.js would refresh its secret).
      if (r.status === 401)
        throw new ApiError(400, {
          type: "invalid_request_error",
          param: "ephemeral_key_secret",
          message: "The ephemeral key from fetchEphemeralKey is not valid for this card (or has expired).",
        });
      if (r.status !== 200) return r;
      return ok({
        id: r.body.id,
        number: r.body.number,
        cvc: r.body.cvc,
        exp_month: r.body.exp_month,
        exp_year: r.body.exp_year,
      });
    },
  },
  {
    method: "POST",
    path: "/issuing/transactions/:txn/dispute",
    grants: DISPUTES,
    run: async (c) => {
      const explanation = text(c.input.explanation);
      if (!explanation) throw bad("explanation", "Explain what went wrong.");
      const reason = ["fraudulent", "no_valid_authorization", "other"].includes(String(c.input.reason))
        ? String(c.input.reason)
        : "other";
      const evidence = {
        reason,
        [reason]: {
          explanation,
          ...(reason === "other"
            ? { product_type: c.input.product_type === "service" ? "service" : "merchandise" }
            : {}),
        },
      };
      const txn = objectId(c, "txn");
      const created = await c.v1({
        method: "POST",
        path: "/v1/issuing/disputes",
        params: { transaction: txn, evidence },
        idempotencyKey: c.idempotencyKey,
      });
      if (created.status !== 200) return created;
      return c.v1({ method: "POST", path: `/v1/issuing/disputes/${String(created.body.id)}/submit` });
    },
  },
  {
    method: "GET",
    path: "/issuing/funding_sources",
    grants: CARD_MANAGEMENT,
    run: async (c) => {
      // A stablecoin account's cards spend its v2 financial accounts holding USDC (`financial_account_v2`), and nothing else.
      if (await leadProgram(c)) {
        const r = await c.v1({
          method: "GET",
          path: "/v2/money_management/financial_accounts",
          params: { limit: 100 },
        });
        const all = r.status === 200 ? (r.body.data as Array<Record<string, unknown>>) : [];
        const usdc = all.filter(
          (f) =>
            f.status === "open" &&
            ((f.storage as { holds_currencies?: string[] } | undefined)?.holds_currencies ?? []).includes("usdc"),
        );
        return ok({
          object: "list",
          issuing_balance: false,
          data: usdc.map((f) => ({ id: f.id, api: "v2", nickname: f.display_name ?? null, balance: f.balance })),
        });
      }
      // Treasury financial accounts a new card may spend from (card_issuing active); none means the Issuing balance.
      const r = await c.v1({ method: "GET", path: "/v1/treasury/financial_accounts", params: { limit: 100 } });
      const all = r.status === 200 ? (r.body.data as Array<Record<string, unknown>>) : [];
      const data = all
        .filter((f) => f.status === "open" && (f.active_features as string[] | undefined)?.includes("card_issuing"))
        .map((f) => ({ id: f.id, api: "v1", nickname: f.nickname ?? null, balance: f.balance }));
      return ok({ object: "list", issuing_balance: true, data });
    },
  },
];
