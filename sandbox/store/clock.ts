import type { Store } from "./store";

type ClockState = { offset_ms: number; frozen_ms: number | null };

/**
 * The sandbox's idea of "now": wall time plus a stored offset, or a frozen instant.
 * `/_sandbox/clock` moves it (spending-limit windows, link expiry); webhook signatures
 * keep using wall time because receivers check them against their own clocks.
 */
export class SandboxClock {
  constructor(private readonly store: Store) {}

  private state(): ClockState {
    return this.store.get<ClockState>("_meta", "clock")?.data ?? { offset_ms: 0, frozen_ms: null };
  }

  nowMs(): number {
    const s = this.state();
    return s.frozen_ms ?? Date.now() + s.offset_ms;
  }

  /** Unix seconds, as v1 objects carry them. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** RFC 3339 with milliseconds, as v2 objects carry them. */
  iso(ms = this.nowMs()): string {
    return new Date(ms).toISOString();
  }

  async set(change: { advance_seconds?: number; to?: number; frozen?: boolean }): Promise<void> {
    const s = this.state();
    let now = this.nowMs();
    if (change.to !== undefined) now = change.to * 1000;
    if (change.advance_seconds !== undefined) now += change.advance_seconds * 1000;
    const frozen = change.frozen ?? s.frozen_ms !== null;
    const next: ClockState = frozen
      ? { offset_ms: 0, frozen_ms: now }
      : { offset_ms: now - Date.now(), frozen_ms: null };
    const tx = this.store.begin();
    tx.put<ClockState>("_meta", "clock", { owner: "", data: next });
    await tx.commit();
  }
}
