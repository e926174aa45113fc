import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";

export type SandboxProcess = {
  url: string;
  stripe: Stripe;
  /** The sandbox's data directory (write-ahead log and snapshot). */
  dataDir: string;
  control(path: string, body?: unknown): Promise<unknown>;
  /** What the sandbox printed (every run since the start), for failure messages. */
  logs(): string;
  /** Sends a signal to the running sandbox and waits for it to exit (SIGKILL: no shutdown work at all). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the sandbox again on the same port and data directory (after `kill`). */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const RECEIVER_ENV = [
  "SANDBOX_RTA_URL",
  "SANDBOX_RTA_SECRET",
  "SANDBOX_SNAPSHOT_URL",
  "SANDBOX_SNAPSHOT_SECRET",
  "SANDBOX_THIN_URL",
  "SANDBOX_THIN_SECRET",
  "SANDBOX_WEBHOOK_URL",
];

function spawnSandbox(
  port: number,
  dataDir: string,
  env: Record<string, string>,
  log: (text: string) => void,
): { child: ChildProcess; ready: Promise<string> } {
  // node itself (not the tsx wrapper, which would relay signals), so SIGKILL reaches the sandbox.
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts", "--port", String(port), "--data-dir", dataDir],
    {
      // No start-up receivers inherited from the shell: each test names the ones it wants.
      env: { ...process.env, ...Object.fromEntries(RECEIVER_ENV.map((k) => [k, ""])), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      log(chunk.toString());
      const m = /sandbox listening on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code}):\n${output}`));
    });
  });
  return { child, ready };
}

/** The official SDK pointed at a running sandbox, as the app's integration tests use it (no retries: a test sees every failure). */
export function sandboxClient(url: string, config: Stripe.StripeConfig = {}): Stripe {
  const u = new URL(url);
  return new Stripe("sk_test_app_integration", {
    host: u.hostname,
    port: Number(u.port),
    protocol: "http",
    maxNetworkRetries: 0,
    ...config,
  });
}

/**
 * Starts the sandbox as its own process (the app never imports sandbox code), on a free port
 * with a throw-away data directory, for integration tests that go through the official SDK.
 * `kill("SIGKILL")` then `restart()` simulates a crash: the same port and data directory.
 */
export async function startSandboxProcess(env: Record<string, string> = {}): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ic-sandbox-"));
  let logs = "";
  const log = (text: string) => {
    logs = (logs + text).slice(-200_000);
  };
  let { child, ready } = spawnSandbox(0, dataDir, env, log);
  const url = await ready;
  const port = Number(new URL(url).port);
  const stripe = sandboxClient(url);
  const exit = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    stripe,
    dataDir,
    async control(p, body) {
      const res = await fetch(`${url}${p}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
      return res.json();
    },
    logs: () => logs,
    kill: (signal = "SIGKILL") => exit(signal),
    async restart() {
      await exit("SIGTERM");
      ({ child, ready } = spawnSandbox(port, dataDir, env, log));
      await ready;
    },
    async stop() {
      await exit("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
