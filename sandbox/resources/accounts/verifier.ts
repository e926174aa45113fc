import type { Kernel } from "../../kernel";
import { systemCtx } from "../../wire/system-ctx";
import { CAPABILITIES } from "./params";
import { capabilityStatus, type KycOutcome } from "./model";
import { ACCOUNTS, cloneRow, loadAccount, saveAccount, type AccountRow } from "./store";
import { v2AwaitingVerification, type V2State } from "../v2-accounts/view";

/**
 * Finishes "verification": once an account has given everything a capability needs, the
 * capability sits in `pending` for `verificationDelayMs`, then turns `active` (KYC outcome
 * `approve`), stays `pending` (`pending`) or goes `inactive` with `rejected.other` (`reject`).
 */
export function installVerifier(kernel: Kernel): { stop(): void } {
  const timers = new Map<string, NodeJS.Timeout>();

  const run = async (id: string) => {
    timers.delete(id);
    const { ctx, commit } = systemCtx(kernel, kernel.store.begin());
    const row = loadAccount(ctx, id);
    if (!row || row.extra.kyc !== "approve") return;
    const next = cloneRow(row);
    let changed = false;
    for (const c of CAPABILITIES) {
      if (capabilityStatus(row.data, row.extra, c) === "pending") {
        next.extra.verified[c] = true;
        changed = true;
      }
    }
    if (v2AwaitingVerification(row.data, row.extra)) {
      (next.extra.v2 as V2State).verified = true;
      changed = true;
    }
    if (!changed) return;
    saveAccount(ctx, row, next);
    await commit();
  };

  const schedule = (id: string) => {
    if (timers.has(id)) return;
    timers.set(
      id,
      setTimeout(
        () => void run(id).catch((err: unknown) => console.error("sandbox verifier:", err)),
        kernel.config.verificationDelayMs,
      ),
    );
  };

  kernel.accountPending.push(schedule);
  kernel.onStart.push(() => {
    for (const [id, row] of kernel.store.rows(ACCOUNTS)) {
      const r = row as unknown as AccountRow;
      if (
        r.extra?.kyc === "approve" &&
        (Object.values(r.data.capabilities ?? {}).includes("pending") || v2AwaitingVerification(r.data, r.extra))
      )
        schedule(id);
    }
  });
  kernel.store.onReset(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });
  return {
    stop() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}

/** `/_sandbox/accounts/:id/kyc`: sets the verification outcome and applies it now. */
export async function setKycOutcome(kernel: Kernel, id: string, outcome: KycOutcome): Promise<AccountRow | null> {
  const { ctx, commit } = systemCtx(kernel, kernel.store.begin());
  const row = loadAccount(ctx, id);
  if (!row) return null;
  const next = cloneRow(row);
  next.extra.kyc = outcome;
  if (outcome !== "approve") {
    next.extra.verified = {};
    if (next.extra.v2) (next.extra.v2 as V2State).verified = false;
  }
  saveAccount(ctx, row, next);
  await commit();
  return ctx.tx.get(ACCOUNTS, id) as AccountRow;
}
