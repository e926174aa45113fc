import { createHash, randomBytes } from "node:crypto";
import type { Store, Tx } from "./store";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
type IdState = { seed: string; n: number };

/**
 * Ids and secrets derive from (seed, counter), both stored, so a sandbox reset with a
 * fixed seed replays the same ids in the same order, and a restart never reuses one.
 */
export function ensureSeed(store: Store, seed?: string): Promise<void> {
  const current = store.get<IdState>("_meta", "ids");
  if (current && seed === undefined) return Promise.resolve();
  const tx = store.begin();
  tx.put<IdState>("_meta", "ids", { owner: "", data: { seed: seed ?? randomBytes(12).toString("hex"), n: 0 } });
  return tx.commit();
}

export function randomToken(tx: Tx, length: number): string {
  const row = tx.get<IdState>("_meta", "ids");
  const state = row?.data ?? { seed: "unseeded", n: 0 };
  const n = state.n + 1;
  tx.put<IdState>("_meta", "ids", { owner: "", data: { seed: state.seed, n } });
  let out = "";
  let block = 0;
  while (out.length < length) {
    const digest = createHash("sha256").update(`${state.seed}:${n}:${block++}`).digest();
    for (const byte of digest) {
      if (byte >= 248) continue; // keeps the alphabet unbiased (248 = 62 * 4)
      out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Stripe-looking id: `acct_` + 16 characters, most others + 24. */
export function newId(tx: Tx, prefix: string, length = 24): string {
  return `${prefix}_${randomToken(tx, length)}`;
}
