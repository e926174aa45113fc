import type { DbOrTx } from "@/db/connect";
import { getBusinessByAccount } from "@/db/queries/businesses";
import { upsertConnectedAccount } from "@/db/queries/connected-accounts";
import { upsertFinancialAccount } from "@/db/queries/financial-accounts";
import { upsertPayout } from "@/db/queries/payouts";

type Json = Record<string, unknown>;
type V2Money = { value?: number; currency?: string };
const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const time = (v: unknown): Date => (typeof v === "string" ? new Date(v) : new Date(0));

/** Flattens `configuration.<name>.capabilities` into { "storer.holds_currencies.usdc": "active" }. */
export function v2CapabilityStatuses(configuration: Json): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: Json, path: string) => {
    if (typeof node.status === "string") {
      out[path] = node.status;
      return;
    }
    for (const [k, v] of Object.entries(node))
      if (v && typeof v === "object") walk(v as Json, path ? `${path}.${k}` : k);
  };
  for (const [name, config] of Object.entries(configuration)) walk(obj(obj(config).capabilities), name);
  return out;
}

export async function applyAccountV2(db: DbOrTx, account: Json, sourceAt: Date): Promise<void> {
  const id = str(account.id);
  if (!id) return;
  const biz = await getBusinessByAccount(db, { accountId: id });
  const entries = (obj(account.requirements).entries as Json[] | undefined) ?? [];
  const identity = obj(account.identity);
  await upsertConnectedAccount(db, {
    id,
    businessId: biz?.id ?? null,
    api: "v2",
    country: str(identity.country)?.toUpperCase() ?? null,
    email: str(account.contact_email),
    displayName: str(account.display_name),
    capabilities: v2CapabilityStatuses(obj(account.configuration)),
    requirementsDue: entries.map((e) => str(e.description)).filter((d): d is string => d !== null),
    requirementsPastDue: entries
      .filter((e) => str(obj(e.minimum_deadline).status) === "past_due")
      .map((e) => String(e.description)),
    requirementsDeadline: null,
    disabledReason: account.closed === true ? "closed" : null,
    detailsSubmitted: entries.length === 0,
    objectCreatedAt: time(account.created),
    sourceAt,
  });
}

/** v2 financial account: balances are { available: { usdc: { value, currency } }, … }. */
export async function applyFinancialAccountV2(db: DbOrTx, accountId: string, fa: Json, sourceAt: Date): Promise<void> {
  const id = str(fa.id);
  if (!id) return;
  const balance = obj(fa.balance);
  const balances: Record<string, { available: number; inbound_pending: number; outbound_pending: number }> = {};
  const bucket = (name: "available" | "inbound_pending" | "outbound_pending") => {
    for (const [currency, money] of Object.entries(obj(balance[name]))) {
      balances[currency] ??= { available: 0, inbound_pending: 0, outbound_pending: 0 };
      balances[currency][name] = Number((money as V2Money).value ?? 0);
    }
  };
  bucket("available");
  bucket("inbound_pending");
  bucket("outbound_pending");
  await upsertFinancialAccount(db, {
    id,
    accountId,
    api: "v2",
    status: str(fa.status) ?? "open",
    balances,
    objectCreatedAt: time(fa.created),
    sourceAt,
  });
}

/** v2 outbound payments and transfers (USDC to crypto wallets and bank accounts). */
export async function applyOutboundV2(
  db: DbOrTx,
  accountId: string,
  o: Json,
  kind: "v2_outbound_payment" | "v2_outbound_transfer",
  sourceAt: Date,
): Promise<void> {
  const id = str(o.id);
  if (!id) return;
  const amount = obj(o.amount) as V2Money;
  const to = obj(o.to);
  await upsertPayout(db, {
    id,
    accountId,
    kind,
    financialAccount: str(obj(o.from).financial_account),
    amount: Number(amount.value ?? 0),
    currency: amount.currency ?? "usdc",
    status: str(o.status) ?? "processing",
    destination: str(to.payout_method) ?? str(to.recipient),
    objectCreatedAt: time(o.created),
    sourceAt,
  });
}
