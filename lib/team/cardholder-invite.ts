import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { isMemberByEmail } from "@/db/queries/memberships";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyCardholder } from "@/lib/events/read-models";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";
import { inviteMember, type CreatedInvite } from "./invites";
import { E164, PHONE_FORMAT } from "@/lib/cards/cardholder-contact";

export const CARDHOLDER_KIND = "cardholder_create";

const reload = "Reload the page and try again";
const text = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .max(max, { error: `Use at most ${max} characters` })
    .transform((s) => s.trim());
// Stripe: a cardholder's name is at most 24 characters, without numbers or special characters.
const namePart = (what: string) =>
  text(24, `Enter the ${what}`)
    .pipe(z.string().min(1, { error: `Enter the ${what}` }))
    .pipe(z.string().regex(/^[\p{L} .'-]+$/u, { error: "Use letters, spaces, dots, apostrophes and hyphens only" }));
const optional = (max: number) => text(max, "").optional().default("");

export const cardholderInviteSchema = z.object({
  clientToken: z.uuid({ error: reload }),
  email: z
    .string({ error: "Enter an email address" })
    .max(254, { error: "Use at most 254 characters" })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: "Enter an email address" }))
    .pipe(z.email({ error: "Enter a valid email address" }))
    .transform((s) => s.toLowerCase()),
  /** An existing cardholder of the business (`ich_…`), or "new" to create one from the fields below. */
  cardholder: z
    .string({ error: "Choose a cardholder" })
    .regex(/^(new|ich_[A-Za-z0-9_]{1,64})$/, { error: "Choose a cardholder" }),
  firstName: optional(24),
  lastName: optional(24),
  phone: optional(20),
  line1: optional(100),
  line2: optional(100),
  city: optional(100),
  state: optional(50),
  postalCode: optional(20),
  terms: z.literal("on").optional(),
});
export type CardholderInviteInput = z.output<typeof cardholderInviteSchema>;

/** The new cardholder's details, checked as Stripe would (name, billing address; phone in E.164 when given). */
function newCardholderParams(
  business: Business,
  input: CardholderInviteInput,
  acceptance: { ip: string; userAgent: string | null; at: Date },
): ActionResult<Stripe.Issuing.CardholderCreateParams> {
  const fields: Record<string, string> = {};
  const first = namePart("first name").safeParse(input.firstName);
  const last = namePart("last name").safeParse(input.lastName);
  if (!first.success) fields.firstName = first.error.issues[0]!.message;
  if (!last.success) fields.lastName = last.error.issues[0]!.message;
  if (first.success && last.success && `${first.data} ${last.data}`.length > 24)
    fields.lastName = "First and last name together must be at most 24 characters (Stripe's limit)";
  if (input.phone && !E164.test(input.phone)) fields.phone = PHONE_FORMAT;
  if (!input.line1) fields.line1 = "Enter the street address";
  if (!input.city) fields.city = "Enter the city";
  if (!input.postalCode) fields.postalCode = "Enter the postal code";
  if (business.country === "US" && !/^[A-Za-z]{2}$/.test(input.state))
    fields.state = "Enter the two-letter state, like CA";
  if (input.terms !== "on") fields.terms = "The cardholder must accept the card program's terms";
  if (Object.keys(fields).length > 0 || !first.success || !last.success) return fail("validation_failed", fields);
  const terms = { date: Math.floor(acceptance.at.getTime() / 1000), ip: acceptance.ip };
  // A USDC card program issues through Lead Bank, whose terms go elsewhere (the stablecoin guide's preview parameter).
  const individual =
    business.fundingModel === "stablecoin"
      ? { first_name: first.data, last_name: last.data, user_terms_acceptance: { lead: terms } }
      : {
          first_name: first.data,
          last_name: last.data,
          card_issuing: {
            user_terms_acceptance: { ...terms, ...(acceptance.userAgent ? { user_agent: acceptance.userAgent } : {}) },
          },
        };
  return ok({
    type: "individual",
    name: `${first.data} ${last.data}`,
    email: input.email,
    ...(input.phone ? { phone_number: input.phone } : {}),
    billing: {
      address: {
        line1: input.line1,
        ...(input.line2 ? { line2: input.line2 } : {}),
        city: input.city,
        ...(input.state ? { state: input.state.toUpperCase() } : {}),
        postal_code: input.postalCode,
        country: business.country,
      },
    },
    individual: individual as Stripe.Issuing.CardholderCreateParams.Individual,
  });
}

/** The business's cardholder `id`, read at Stripe on the business's account (another account's looks missing). */
async function existingCardholder(
  stripe: Stripe,
  accountId: string,
  id: string,
): Promise<Stripe.Issuing.Cardholder | null> {
  try {
    return await stripe.issuing.cardholders.retrieve(id, {}, { stripeAccount: accountId });
  } catch {
    return null;
  }
}

/**
 * Invites someone as a cardholder: linked to an existing Issuing cardholder of the business, or to
 * a new one created now (one operation per form, so a double click creates one cardholder).
 * Accepting the link makes a `cardholder` membership for that cardholder: they see its cards only.
 */
export async function inviteCardholder(
  db: DbOrTx,
  stripe: Stripe,
  who: { business: Business; userId: string; ip: string; userAgent: string | null },
  input: CardholderInviteInput,
): Promise<ActionResult<CreatedInvite & { cardholderId: string; cardholderName: string }>> {
  const { business } = who;
  const accountId = business.stripeAccountId;
  if (!accountId)
    return fail("validation_failed", { _form: "Finish setting up your business before inviting cardholders." });
  // Before any cardholder is made: a teammate already in the business can't be invited again.
  if (await isMemberByEmail(db, { businessId: business.id, email: input.email }))
    return fail("validation_failed", { email: `${input.email} is already in your team.` });
  let holder: { id: string; name: string };
  if (input.cardholder !== "new") {
    const found = await existingCardholder(stripe, accountId, input.cardholder);
    if (!found) return fail("validation_failed", { cardholder: "Choose one of your business's cardholders" });
    holder = { id: found.id, name: found.name };
  } else {
    const params = newCardholderParams(business, input, { ip: who.ip, userAgent: who.userAgent, at: new Date() });
    if (!params.ok) return params;
    const claim = await claimOperation(db, {
      kind: CARDHOLDER_KIND,
      clientToken: input.clientToken,
      businessId: business.id,
      createdBy: who.userId,
      request: { email: input.email },
    });
    if (!claim.ok) return claim;
    const { op } = claim.data;
    if (op.status === "succeeded" && op.stripeObjectId) {
      holder = { id: op.stripeObjectId, name: String(op.result?.name ?? "") };
    } else {
      const created = await callStripeOnce(
        db,
        op,
        (idempotencyKey) =>
          stripe.issuing.cardholders.create(params.data, { stripeAccount: accountId, idempotencyKey }),
        { field: "_form", refused: "Stripe refused these cardholder details. Check them and try again" },
      );
      if (!created.ok) return created.result;
      await applyCardholder(db, accountId, created.value, new Date());
      await recordSuccess(db, op, { stripeObjectId: created.value.id, result: { name: created.value.name } });
      holder = { id: created.value.id, name: created.value.name };
    }
  }
  const invited = await inviteMember(db, {
    businessId: business.id,
    invitedBy: who.userId,
    email: input.email,
    role: "cardholder",
    cardholderId: holder.id,
  });
  return invited.ok ? ok({ ...invited.data, cardholderId: holder.id, cardholderName: holder.name }) : invited;
}
