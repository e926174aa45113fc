import type { Kernel } from "../kernel";
import type { Row } from "../store/store";
import { thinPayload, type Delivery, type DestinationExtra, type EndpointExtra, type ThinEvent } from "./bus";
import { postSigned } from "./signature";

const CONCURRENCY = 16;

/**
 * At-least-once delivery to v1 webhook endpoints and event destinations, each signed with its
 * own secret. Pending deliveries live in the store (written with the event), so a restart
 * resumes them; failures back off exponentially (base·2^attempts, capped) until
 * `webhookGiveUpMs` has passed since the first attempt.
 */
export class Dispatcher {
  private inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private stopped = false;
  private controllers = new Set<AbortController>();

  constructor(private readonly kernel: Kernel) {}

  kick(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.tick();
    });
  }

  /** Makes every pending delivery due now (used by `/_sandbox/webhooks/retry`). */
  async retryNow(): Promise<number> {
    const tx = this.kernel.store.begin();
    let n = 0;
    for (const [id, row] of this.kernel.store.rows<Delivery>("deliveries")) {
      tx.put<Delivery>("deliveries", id, { ...row, data: { ...row.data, next_ms: Date.now() } });
      n++;
    }
    await tx.commit();
    this.kick();
    return n;
  }

  pendingCount(): number {
    return this.kernel.store.table("deliveries").size;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const c of this.controllers) c.abort();
  }

  private tick(): void {
    if (this.stopped) return;
    const now = Date.now();
    let earliest = Infinity;
    for (const [id, row] of this.kernel.store.rows<Delivery>("deliveries")) {
      if (this.inFlight.has(id)) continue;
      if (row.data.next_ms > now) {
        earliest = Math.min(earliest, row.data.next_ms);
        continue;
      }
      if (this.inFlight.size >= CONCURRENCY) break;
      this.inFlight.add(id);
      void this.deliver(id, row).finally(() => {
        this.inFlight.delete(id);
        this.kick();
      });
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (earliest !== Infinity) {
      this.timer = setTimeout(() => this.tick(), Math.max(10, earliest - Date.now()));
      this.timer.unref();
    }
  }

  private payload(d: Delivery, endpointVersion: string | null): string | null {
    if (d.kind === "v1") {
      const ev = this.kernel.store.get<Record<string, unknown>>("events", d.event_id);
      // An endpoint created with `api_version` gets its events rendered at that version (one shape here).
      return ev
        ? JSON.stringify(endpointVersion ? { ...ev.data, api_version: endpointVersion } : ev.data, null, 2)
        : null;
    }
    const ev = this.kernel.store.get<ThinEvent>("v2_events", d.event_id);
    return ev ? JSON.stringify(thinPayload(ev.data), null, 2) : null;
  }

  /**
   * Where a delivery goes, the secret it is signed with and the version its v1 events are rendered
   * at: a v1 webhook endpoint (`api_version`) or an event destination (`snapshot_api_version`).
   */
  private target(endpointId: string): { url: string; secret: string; version: string | null } | null {
    if (endpointId.startsWith("ed_")) {
      const row = this.kernel.store.get("event_destinations", endpointId);
      const extra = row?.extra as DestinationExtra | undefined;
      const url = (row?.data.webhook_endpoint as { url?: string } | undefined)?.url;
      const version = (row?.data.snapshot_api_version as string | undefined) ?? null;
      return row && extra && url && row.data.status === "enabled" ? { url, secret: extra.secret, version } : null;
    }
    const row = this.kernel.store.get("webhook_endpoints", endpointId);
    const extra = row?.extra as EndpointExtra | undefined;
    const version = (row?.data.api_version as string | null | undefined) ?? null;
    return row && extra && row.data.status === "enabled"
      ? { url: String(row.data.url), secret: extra.secret, version }
      : null;
  }

  private async deliver(id: string, row: Row<Delivery>): Promise<void> {
    const target = this.target(row.data.endpoint_id);
    const body = this.payload(row.data, target?.version ?? null);
    if (!target || !body) {
      const tx = this.kernel.store.begin();
      tx.delete("deliveries", id);
      await tx.commit();
      return;
    }
    let ok = false;
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.kernel.config.webhookTimeoutMs);
    try {
      const res = await postSigned(target, body, controller.signal);
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
    if (this.stopped) return;
    await this.record(id, row.data, ok);
  }

  private async record(id: string, d: Delivery, ok: boolean): Promise<void> {
    const current = this.kernel.store.get<Delivery>("deliveries", id);
    if (!current) return; // reset or removed meanwhile
    const tx = this.kernel.store.begin();
    const { config } = this.kernel;
    const giveUp = Date.now() - d.first_ms > config.webhookGiveUpMs;
    if (ok || giveUp) {
      tx.delete("deliveries", id);
      const ev = d.kind === "v1" ? this.kernel.store.get("events", d.event_id) : undefined;
      if (ev && ok) {
        const pending = Math.max(0, Number(ev.data.pending_webhooks ?? 1) - 1);
        tx.put("events", d.event_id, { ...ev, data: { ...ev.data, pending_webhooks: pending } });
      }
    } else {
      const attempts = d.attempts + 1;
      const wait = Math.min(config.webhookRetryBaseMs * 2 ** (attempts - 1), config.webhookRetryMaxMs);
      tx.put<Delivery>("deliveries", id, {
        owner: current.owner,
        data: { ...d, attempts, next_ms: Date.now() + wait },
      });
    }
    await tx.commit();
  }
}
