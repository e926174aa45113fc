import { z } from "zod";
import type { NotificationKind } from "./notify";

/**
 * The alerts that are ever emailed (every `notify` call with `email: true`), each with the words a
 * person ticks. A person stores the kinds they switched off, so a kind added here starts on.
 */
export const EMAIL_CHOICES = [
  { kind: "purchase_declined", label: "A purchase on my card is declined" },
  { kind: "card_request", label: "A card request waits for my approval" },
  { kind: "card_request_decided", label: "My card request is approved or declined" },
  { kind: "card_shipping", label: "A physical card ships, is delivered or comes back" },
  { kind: "low_balance", label: "The balance drops below the low-balance alert" },
  { kind: "payout_failed", label: "A payout fails" },
  { kind: "requirements_due", label: "Stripe needs more information about the business" },
] as const satisfies ReadonlyArray<{ kind: NotificationKind; label: string }>;

export type EmailedKind = (typeof EMAIL_CHOICES)[number]["kind"];
const EMAILED: ReadonlySet<string> = new Set(EMAIL_CHOICES.map((c) => c.kind));

const UNKNOWN = "Choose alerts from the list";

/**
 * The kinds ticked on the form (a repeated field: none, one or several). An unknown kind fails the
 * whole form, next to the field, so a stale or crafted form saves nothing.
 */
export const emailChoicesSchema = z.object({
  alert: z
    .union([z.string(), z.array(z.string()).max(EMAIL_CHOICES.length * 2)], { error: UNKNOWN })
    .optional()
    .transform((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a]))
    .refine((kinds) => kinds.every((k) => EMAILED.has(k)), UNKNOWN)
    .transform((kinds) => [...new Set(kinds)] as EmailedKind[]),
});

/** The kinds left unticked: what is stored (new kinds, absent from it, stay on). */
export const kindsOff = (on: readonly EmailedKind[]): EmailedKind[] =>
  EMAIL_CHOICES.map((c) => c.kind).filter((k) => !on.includes(k));

/** The kinds still emailed, given the stored ones switched off: what the form shows ticked. */
export const kindsOn = (off: readonly string[]): EmailedKind[] =>
  EMAIL_CHOICES.map((c) => c.kind).filter((k) => !off.includes(k));
