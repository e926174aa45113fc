import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";

export type SandboxProcess = { url: string; stripe: Stripe; control(path: string, body?: unknown): Promise<unknown>; stop(): Promise<void> };

/**
 * Starts the sandbox as its own process (the app never imports sandbox code), on a free port
 * with a throw-away data directory, for integration tests that go through the official SDK.
 */
export async function startSandboxProcess(env: Record<string, string> = {}): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ic-sandbox-"));
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["sandbox/main.ts", "--port", "0", "--data-dir", dataDir], {
    env: { ...process.env, SANDBOX_WEBHOOK_URL: "", STRIPE_WEBHOOK_SECRET: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /sandbox listening on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`sandbox exited (${code}):\n${output}`)));
  });
  const u = new URL(url);
  const stripe = new Stripe("sk_test_app_integration", { host: u.hostname, port: Number(u.port), protocol: "http", maxNetworkRetries: 0 });
  return {
    url,
    stripe,
    async control(p, body) {
      const res = await fetch(`${url}${p}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
      return res.json();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
