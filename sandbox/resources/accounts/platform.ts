import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";

type Status = "active" | "inactive" | "pending";
const DEFAULT: Record<string, Status> = {
  card_payments: "active",
  transfers: "active",
  card_issuing: "active",
  treasury: "active",
};
const KEY = "platform_capabilities";

/** The platform's own capabilities as `GET /v1/account` shows them (all active unless a control changed them). */
export function platformCapabilities(ctx: Ctx): Record<string, Status> {
  const merged: Record<string, Status | null> = {
    ...DEFAULT,
    ...(ctx.tx.get<Record<string, Status | null>>("_meta", KEY)?.data ?? {}),
  };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, Status] => e[1] !== null));
}

/**
 * `POST /_sandbox/platform {"capabilities": {"card_issuing": "inactive"}}` [sandbox only]: how a
 * platform Stripe has not (yet) enabled for a product looks to `GET /v1/account`. Nothing else
 * changes; `null` for a capability removes it.
 */
export async function setPlatformCapabilities(kernel: Kernel, patch: unknown): Promise<Record<string, Status | null>> {
  const current: Record<string, Status | null> = {
    ...DEFAULT,
    ...(kernel.store.get<Record<string, Status | null>>("_meta", KEY)?.data ?? {}),
  };
  for (const [name, value] of Object.entries((patch as Record<string, unknown> | null) ?? {})) {
    if (value === null) current[name] = null;
    else if (value === "active" || value === "inactive" || value === "pending") current[name] = value;
    else throw new Error(`capabilities.${name} must be active, inactive, pending or null`);
  }
  const tx = kernel.store.begin();
  tx.put("_meta", KEY, { owner: "", data: current });
  await tx.commit();
  return current;
}
