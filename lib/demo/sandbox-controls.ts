import { sandboxUrl as configuredSandboxUrl } from "@/lib/config";

// The sandbox's clock and webhook controls the demo seed uses (sandbox/README.md, `/_sandbox/…`):
// sandbox mode only. Other controls go through lib/sandbox-tools/control.ts, as the app's do.
export class SandboxControls {
  /** How far the sandbox's clock is from the wall clock, as of the last move. */
  private offsetMs = 0;

  constructor(private readonly sandboxUrl: string = configuredSandboxUrl()) {}

  /** The sandbox's time now, as this process last moved it (no request): what the seed's receivers stamp. */
  clock(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  private async post(body: Record<string, unknown>): Promise<number> {
    const res = await fetch(`${this.sandboxUrl}/_sandbox/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`the sandbox clock answered ${res.status}`);
    const { now } = (await res.json()) as { now: number };
    this.offsetMs = now * 1000 - Date.now();
    return now;
  }

  /** The sandbox's now, in Unix seconds. */
  async now(): Promise<number> {
    const res = await fetch(`${this.sandboxUrl}/_sandbox/clock`);
    if (!res.ok) throw new Error(`the sandbox clock answered ${res.status}`);
    return ((await res.json()) as { now: number }).now;
  }

  /** Moves the clock to `unixSeconds` (it keeps running from there). */
  set(unixSeconds: number): Promise<number> {
    return this.post({ to: unixSeconds });
  }

  /** Back to the wall clock. */
  reset(): Promise<number> {
    return this.post({ to: Math.floor(Date.now() / 1000) });
  }

  /** Resolves once the sandbox has no delivery waiting (each is made due now), or throws after `timeoutMs`. */
  async settled(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await fetch(`${this.sandboxUrl}/_sandbox/webhooks/retry`, { method: "POST" });
      const res = await fetch(`${this.sandboxUrl}/_sandbox/webhooks`);
      const { pending_deliveries } = (await res.json()) as { pending_deliveries: number };
      if (pending_deliveries === 0) return;
      if (Date.now() > deadline) throw new Error(`${pending_deliveries} event deliveries still waiting`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
