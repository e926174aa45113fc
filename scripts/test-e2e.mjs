// Browser tests: starts the real app + sandbox (production build) on free ports with a throw-away
// data directory, runs Playwright against them, and stops everything afterwards.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium } from "./chromium.mjs";
import { bin, freePort, lockNextDir, root, waitFor } from "./lib.mjs";

const chromium = await findChromium();
if (!chromium) {
  console.error(
    "No Chromium found: install Debian's (apt-get install -y chromium chromium-headless-shell) or set CHROMIUM_PATH.",
  );
  process.exit(1);
}

await lockNextDir();
const [port, sandboxPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
const dataDir = mkdtempSync(path.join(tmpdir(), "issuing-console-e2e-"));
const env = {
  ...process.env,
  PORT: String(port),
  SANDBOX_PORT: String(sandboxPort),
  SANDBOX_SMTP_PORT: String(smtpPort),
  DATA_DIR: dataDir,
  // The tests play the one proxy in front: each browser or actor names its own address in
  // x-forwarded-for (else every sign-in would share 127.0.0.1, whose block would stop the suite).
  TRUST_PROXY_HOPS: "1",
};
// Browser tests always run in sandbox mode on a throw-away embedded database, with mail going to
// the sandbox's mailbox (start.mjs points SMTP_URL at it).
delete env.STRIPE_SECRET_KEY;
delete env.DATABASE_URL;
delete env.SMTP_URL;

// The app's output goes to a file, never a pipe: Playwright runs through spawnSync, which stops this
// process reading, and once a pipe's 64 KB buffer is full every console.log in the app blocks (pipes
// are synchronous on Linux), which froze the whole app partway through a run.
// (Not in test-results/: Playwright empties that folder when it starts.)
const logPath = path.join(tmpdir(), `issuing-console-e2e-${port}.log`);
const logFd = openSync(logPath, "w");
const server = spawn(process.execPath, ["scripts/start.mjs"], {
  cwd: root,
  env,
  stdio: ["ignore", logFd, logFd],
  detached: true,
});
const serverLog = () => readFileSync(logPath, "utf8");
let exited = false;
server.on("exit", () => (exited = true));

function stopServer() {
  if (!exited) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
process.on("SIGINT", () => {
  stopServer();
  process.exit(130);
});

let status = 1;
try {
  // The wait covers a production build, which takes minutes on a busy 2-core machine; a dead server ends it early.
  const up = await waitFor(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 900_000, isAlive: () => !exited });
  if (!up) {
    console.error("The app did not come up for the browser tests. Its output:\n" + serverLog());
  } else {
    const result = spawnSync(bin("playwright"), ["test", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...env,
        E2E_BASE_URL: `http://localhost:${port}`,
        E2E_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
        E2E_DATA_DIR: dataDir,
        CHROMIUM_PATH: chromium,
      },
    });
    status = result.status ?? 1;
    if (status !== 0) console.error(`The app's output is in ${logPath}.`);
    if (status !== 0 && process.env.E2E_SHOW_SERVER_LOG) console.error(serverLog());
  }
} finally {
  stopServer();
  await new Promise((r) => (exited ? r() : server.once("exit", r)));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
