import { z } from "zod";
import { getBusiness } from "@/db/queries/businesses";
import type { PlatformActor } from "@/lib/actions/execute";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { closeStablecoinAccount } from "@/lib/stripe/accounts";
import { freezeCards } from "./cards";
import type { AdminDeps } from "./deps";
import { setPaused } from "./pause";
import { stripeFailure } from "@/lib/stripe/errors";

export const closeSchema = z.object({
  businessId: z.uuid({ error: "Unknown business" }),
  confirmName: z
    .string({ error: "Type the business's name to confirm" })
    .max(300)
    .transform((s) => s.trim()),
});

export type CloseResult = { frozenCardIds: string[] };

/**
 * Closes the business's connected account. Spending stops first (kill switch, cards frozen), so
 * nothing is authorized while Stripe closes the account; Stripe refuses while money remains.
 */
export async function closeAccount(
  deps: AdminDeps,
  actor: PlatformActor,
  input: z.output<typeof closeSchema>,
): Promise<ActionResult<CloseResult>> {
  const business = await getBusiness(deps.db, input);
  if (!business) return fail("not_found");
  if (input.confirmName.toLowerCase() !== business.legalName.trim().toLowerCase()) {
    return fail("validation_failed", { confirmName: `Type “${business.legalName}” exactly to confirm` });
  }
  await setPaused(deps, actor, { businessId: business.id }, true);
  const acct = business.stripeAccountId;
  if (!acct) return ok({ frozenCardIds: [] });
  const frozen = await freezeCards(deps, { businessId: business.id });
  if (!frozen.ok) return frozen;
  try {
    // A v2 account closes with all its configurations named (merchant, storer, card_creator).
    if (business.fundingModel === "stablecoin") await closeStablecoinAccount(deps.stripe, acct);
    else await deps.stripe.accounts.del(acct);
  } catch (err) {
    return stripeFailure(err, { field: "_form" }).result;
  }
  return ok({ frozenCardIds: frozen.data.cardIds });
}
