import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { sdk } from "../test-helpers";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Runs `tsx sandbox/main.ts` as a real child process and resolves with its port. */
function spawnSandbox(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts", "--port", "0", "--data-dir", dataDir], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => reject(new Error(`sandbox exited early (${code}): ${out}`)));
  });
}

test("SIGKILL mid-burst: every acknowledged write survives and no change set is half applied", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-crash-"));
  try {
    const first = await spawnSandbox(dataDir);
    const stripe = sdk(first.port, { maxNetworkRetries: 0 });
    const account = await stripe.accounts.create({
      country: "US",
      capabilities: { card_issuing: { requested: true } },
    });
    const acked = new Set<string>();
    let ackedUpdates = 0;
    let stop = false;
    let n = 0;
    // Eight writers: endpoint creations, plus account updates that change two fields at once.
    const writer = async () => {
      while (!stop) {
        const i = n++;
        try {
          if (i % 3 === 0) {
            await stripe.accounts.update(account.id, { email: `w${i}@example.com`, metadata: { i: String(i) } });
            ackedUpdates++;
          } else {
            const we = await stripe.webhookEndpoints.create({
              url: `https://example.com/${i}`,
              enabled_events: ["*"],
              metadata: { i: String(i) },
            });
            acked.add(we.id);
          }
        } catch {
          return; // the process died under us
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acked.size >= 150) {
          clearInterval(check);
          resolve();
        }
      }, 2);
    });
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    if (first.child.exitCode === null && first.child.signalCode === null)
      await new Promise((r) => first.child.once("exit", r));

    const second = await spawnSandbox(dataDir);
    try {
      const again = sdk(second.port);
      const seen = new Map<string, Stripe.WebhookEndpoint>();
      await again.webhookEndpoints.list({ limit: 100 }).autoPagingEach((we) => {
        seen.set(we.id, we);
      });
      for (const id of acked) assert.ok(seen.has(id), `acknowledged endpoint ${id} survived`);
      for (const we of seen.values())
        assert.equal(we.url, `https://example.com/${we.metadata.i}`, "each endpoint is whole");
      const a = await again.accounts.retrieve(account.id);
      assert.equal(a.email, `w${a.metadata?.i}@example.com`, "both fields of one update land together");
      assert.ok(ackedUpdates > 0, "updates were acknowledged before the kill");
    } finally {
      second.child.kill("SIGKILL");
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
