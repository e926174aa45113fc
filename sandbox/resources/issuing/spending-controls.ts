import type Stripe from "stripe";
import { invalidRequest } from "../../wire/errors";

import { isCategory } from "./categories";

/**
 * `spending_controls` on cards and cardholders: the parameter schema, validation
 * (allowed_* with blocked_* is a 400, categories must be Stripe's), and the static checks
 * (categories, countries, card presence). Amount limits over time live in `spend.ts`.
 */
export type Controls = Stripe.Issuing.Card.SpendingControls;
export type Limit = Stripe.Issuing.Card.SpendingControls.SpendingLimit;
export const INTERVALS = ["per_authorization", "daily", "weekly", "monthly", "yearly", "all_time"] as const;

const PAIRS = [
  ["allowed_categories", "blocked_categories"],
  ["allowed_merchant_countries", "blocked_merchant_countries"],
  ["allowed_card_presences", "blocked_card_presences"],
] as const;

/** Empty controls as Stripe renders them: lists are `null` on cards, `[]` on cardholders (per Stripe's fixtures). */
export function emptyControls(cardholder: boolean): Controls {
  const none = cardholder ? [] : null;
  return {
    allowed_categories: none,
    allowed_merchant_countries: none,
    blocked_categories: none,
    blocked_merchant_countries: none,
    spending_limits: [],
    spending_limits_currency: null,
    allowed_card_presences: null,
    blocked_card_presences: null,
  } as unknown as Controls;
}

/** Applies a `spending_controls` hash (create or update) onto the current controls, validating the result. */
export function applyControls(
  current: Controls,
  patch: unknown,
  cardholder: boolean,
  currency: string | null,
): Controls {
  const next = structuredClone(current) as unknown as Record<string, unknown>;
  const empty = emptyControls(cardholder) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries((patch ?? {}) as Record<string, unknown>)) {
    if (k === "spending_limits") {
      const limits = ((v ?? []) as Array<Record<string, unknown>>).map((l) => ({
        amount: Number(l.amount),
        categories: (l.categories as string[] | null | undefined) ?? [],
        interval: String(l.interval),
      }));
      next.spending_limits = limits;
    } else if (k === "spending_limits_currency") next[k] = v ? String(v).toLowerCase() : null;
    else next[k] = v === null || (Array.isArray(v) && v.length === 0) ? empty[k] : v;
  }
  for (const [a, b] of PAIRS) {
    const hasA = Array.isArray(next[a]) && (next[a] as unknown[]).length > 0;
    const hasB = Array.isArray(next[b]) && (next[b] as unknown[]).length > 0;
    if (hasA && hasB)
      throw invalidRequest(
        `You may only specify one of these parameters: spending_controls[${a}], spending_controls[${b}].`,
        { param: `spending_controls[${b}]` },
      );
  }
  const check = (field: string, values: unknown) => {
    for (const [i, c] of ((values as string[] | null) ?? []).entries()) {
      if (!isCategory(c))
        throw invalidRequest(`Invalid spending_controls[${field}][${i}]: ${c} is not an Issuing merchant category.`, {
          param: `spending_controls[${field}][${i}]`,
          code: "parameter_invalid_string",
        });
    }
  };
  check("allowed_categories", next.allowed_categories);
  check("blocked_categories", next.blocked_categories);
  for (const [i, l] of (next.spending_limits as Limit[]).entries())
    check(`spending_limits][${i}][categories`, l.categories);
  for (const field of ["allowed_merchant_countries", "blocked_merchant_countries"]) {
    for (const [i, c] of ((next[field] as string[] | null) ?? []).entries()) {
      if (!/^[A-Z]{2}$/.test(c))
        throw invalidRequest(
          `Invalid spending_controls[${field}][${i}]: must be a two-letter country code such as US.`,
          { param: `spending_controls[${field}][${i}]` },
        );
    }
  }
  if (!cardholder) next.spending_limits_currency = (next.spending_limits as Limit[]).length ? currency : null;
  else if ((next.spending_limits as Limit[]).length && !next.spending_limits_currency)
    next.spending_limits_currency = currency ?? "usd";
  return next as unknown as Controls;
}

/** Whether the static (non-amount) controls let this merchant through. */
export function merchantAllowed(
  c: Controls,
  category: string,
  country: string | null,
  presence: "present" | "not_present",
): boolean {
  const inList = (l: string[] | null | undefined, v: string | null) => !!l?.length && v !== null && l.includes(v);
  const restricts = (l: string[] | null | undefined) => !!l?.length;
  if (restricts(c.allowed_categories) && !inList(c.allowed_categories, category)) return false;
  if (inList(c.blocked_categories, category)) return false;
  if (restricts(c.allowed_merchant_countries) && !inList(c.allowed_merchant_countries, country)) return false;
  if (inList(c.blocked_merchant_countries, country)) return false;
  if (restricts(c.allowed_card_presences) && !inList(c.allowed_card_presences, presence)) return false;
  if (inList(c.blocked_card_presences, presence)) return false;
  return true;
}
