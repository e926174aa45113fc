"use server";

import { businessAction } from "@/lib/actions/safe-action";
import type { ActionResult } from "@/lib/errors";
import { disputeActions, evidenceFileFrom } from "@/lib/disputes/actions";
import type { Opened } from "@/lib/disputes/open";

/** Opens a dispute; the evidence file travels in the same form and is checked before anything is sent. */
export async function openDisputeAction(
  prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<Opened>> {
  return businessAction(disputeActions.open(await evidenceFileFrom(form)))(prev, form);
}
export const submitDisputeAction = businessAction(disputeActions.submit);
