"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { businessAction } from "@/lib/actions/safe-action";
import { sandboxUrl, stripeMode } from "@/lib/config";
import type { ActionResult } from "@/lib/errors";
import type { PayoutDeps } from "@/lib/payouts/deps";
import { payoutSpecs } from "@/lib/payouts/specs";
import { getStripe } from "@/lib/stripe/client";

function deps(): PayoutDeps {
  const sandboxControl =
    stripeMode() === "sandbox"
      ? async (path: string, body: Record<string, unknown>) =>
          (
            await fetch(`${sandboxUrl()}${path}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(body),
            })
          ).json()
      : undefined;
  return { db: getDb(), stripe: getStripe(), sandboxControl };
}

const specs = payoutSpecs(deps);

/** Wraps an action for `useActionState`, refreshing the pages that show its result. */
function formAction<T>(action: (input: unknown) => Promise<ActionResult<T>>) {
  return async (_prev: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
    const result = await action(form);
    if (result.ok) {
      revalidatePath("/payouts");
      revalidatePath("/wallet");
    }
    return result;
  };
}

const addCrypto = formAction(businessAction(specs.addCryptoDestination));
const addBank = formAction(businessAction(specs.addBankDestination));
const archive = formAction(businessAction(specs.archiveDestination));
const send = formAction(businessAction(specs.sendPayout));
const drive = formAction(businessAction(specs.drivePayout));

export async function addCryptoDestinationAction(prev: Awaited<ReturnType<typeof addCrypto>> | null, form: FormData) {
  return addCrypto(prev, form);
}
export async function addBankDestinationAction(prev: Awaited<ReturnType<typeof addBank>> | null, form: FormData) {
  return addBank(prev, form);
}
export async function archiveDestinationAction(prev: Awaited<ReturnType<typeof archive>> | null, form: FormData) {
  return archive(prev, form);
}
export async function sendPayoutAction(prev: Awaited<ReturnType<typeof send>> | null, form: FormData) {
  return send(prev, form);
}
export async function drivePayoutAction(prev: Awaited<ReturnType<typeof drive>> | null, form: FormData) {
  return drive(prev, form);
}
