"use server";

import { businessAction } from "@/lib/actions/safe-action";
import type { ActionResult } from "@/lib/errors";
import { receiptActions, receiptFileFrom } from "@/lib/receipts/actions";
import type { Uploaded } from "@/lib/receipts/upload";

/** Uploads a purchase's receipt; the file is checked (type from its bytes, size) before anything is stored. */
export async function uploadReceiptAction(
  prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<Uploaded>> {
  return businessAction(receiptActions.upload(await receiptFileFrom(form)))(prev, form);
}
export const saveReceiptPolicyAction = businessAction(receiptActions.policy);
