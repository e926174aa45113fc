import type Stripe from "stripe";
import { z } from "zod";

/**
 * A card's life, chosen when it is created: how many payments it may make (Stripe's
 * `lifecycle_controls.cancel_after.payment_count`: single-use is one) and a date it ends on (our
 * own: Stripe has no such control, so a scheduled job cancels it; see `schedules.ts`).
 */
export const lifecycleFields = {
  uses: z
    .enum(["unlimited", "single", "count"], { error: "Choose how many times the card can be used" })
    .default("unlimited"),
  useCount: z.string().max(10, { error: "Enter a number of payments like 5" }).optional(),
  endsOn: z.string().max(10, { error: "Enter a date like 2027-01-31" }).optional(),
};

export type LifecycleInput = { uses: "unlimited" | "single" | "count"; useCount?: string; endsOn?: string };
export type Lifecycle = {
  controls: Stripe.Issuing.CardCreateParams.LifecycleControls | null;
  /** When the card is to be canceled (the end of its last day, UTC), or null. */
  cancelAt: Date | null;
};

const MAX_USES = 1000;

/** The lifecycle the form asks for, or the fields it got wrong; `today` is the clock's (the sandbox's in sandbox mode). */
export function lifecycleOf(
  input: LifecycleInput,
  today: Date,
): { ok: true; value: Lifecycle } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  let count: number | null = null;
  if (input.uses === "single") count = 1;
  if (input.uses === "count") {
    const text = (input.useCount ?? "").trim();
    if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_USES)
      fields.useCount = `Enter a number of payments from 1 to ${MAX_USES}`;
    else count = Number(text);
  }
  let cancelAt: Date | null = null;
  const ends = (input.endsOn ?? "").trim();
  if (ends) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ends);
    const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== ends)
      fields.endsOn = "Enter a date like 2027-01-31";
    else if (day.toISOString().slice(0, 10) < today.toISOString().slice(0, 10))
      fields.endsOn = "Choose today or a later date";
    else cancelAt = new Date(day.getTime() + 86_400_000);
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, value: { controls: count ? { cancel_after: { payment_count: count } } : null, cancelAt } };
}
