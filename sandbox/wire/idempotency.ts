import { createHash } from "node:crypto";
import type { Store, Tx } from "../store/store";

export type IdemRecord = { fp: string; status: number; body: string; request_id: string; created_ms: number };

const TABLE = "idempotency";
/** Stripe prunes keys after at least 24 hours; we keep them that long. */
const TTL_MS = 24 * 60 * 60 * 1000;

function canonical(value: unknown): string {
  // An uploaded file (multipart) counts by its content.
  if (Buffer.isBuffer(value)) return `"sha256:${createHash("sha256").update(value).digest("hex")}"`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Idempotency keys, scoped by the acting account. The stored response is written in the
 * same change set as the request's effects, so a crash can never keep one without the other.
 */
export class Idempotency {
  private inFlight = new Set<string>();

  constructor(private readonly store: Store) {
    store.onReset(() => this.inFlight.clear());
  }

  scopedKey(account: string, key: string): string {
    return `${account}:${key}`;
  }

  fingerprint(method: string, pathname: string, params: unknown): string {
    return createHash("sha256")
      .update(`${method} ${pathname} ${canonical(params)}`)
      .digest("hex");
  }

  find(scoped: string, nowMs: number): IdemRecord | undefined {
    const row = this.store.get<IdemRecord>(TABLE, scoped);
    if (!row || nowMs - row.data.created_ms > TTL_MS) return undefined;
    return row.data;
  }

  /** False when another request holds the key right now (→ 409). */
  acquire(scoped: string): boolean {
    if (this.inFlight.has(scoped)) return false;
    this.inFlight.add(scoped);
    return true;
  }

  release(scoped: string): void {
    this.inFlight.delete(scoped);
  }

  save(tx: Tx, scoped: string, record: IdemRecord): void {
    tx.put<IdemRecord>(TABLE, scoped, { owner: "", data: record });
  }

  /** Drops expired keys so a long benchmark does not grow memory without bound. */
  prune(nowMs: number): Promise<void> {
    const tx = this.store.begin();
    for (const [id, row] of this.store.rows<IdemRecord>(TABLE)) {
      if (nowMs - row.data.created_ms > TTL_MS) tx.delete(TABLE, id);
    }
    return tx.commit();
  }
}
