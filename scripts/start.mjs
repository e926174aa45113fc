// `npm start`: sets everything up on a fresh clone, then runs the sandbox and the app.
// `npm run dev` does the same with `next dev`. PORT, SANDBOX_PORT, SANDBOX_SMTP_PORT and DATA_DIR
// move everything. `npm run db:seed` (`--seed-only`) stops after the set-up and the demo data;
// with `-- --fresh` it first deletes the embedded database and the sandbox's data, so the demo
// (its month of life included) is rebuilt from nothing.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import {
  bin,
  DEMO_SIGN_INS,
  ensureDependencies,
  ensureLocalSecrets,
  ensureProductionBuild,
  RECEIVER_SECRETS,
  root,
  waitFor,
} from "./lib.mjs";

const dev = process.argv.includes("--dev");
const seedOnly = process.argv.includes("--seed-only");
const fresh = process.argv.includes("--fresh");
process.chdir(root);
ensureDependencies();
ensureLocalSecrets();

const port = Number(process.env.PORT || 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT || 12111);
const smtpPort = Number(process.env.SANDBOX_SMTP_PORT || 12125);
const dataDir = path.resolve(process.env.DATA_DIR || ".data");
const sandboxMode = !process.env.STRIPE_SECRET_KEY;
if (fresh) await deleteDemoData();
mkdirSync(dataDir, { recursive: true });
process.env.DATA_DIR = dataDir;
process.env.SANDBOX_PORT = String(sandboxPort);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// Sandbox mode sends no real mail: the app delivers to the sandbox's mailbox (/_sandbox/mail).
if (sandboxMode) process.env.SMTP_URL ||= `smtp://127.0.0.1:${smtpPort}`;

if (!dev && !seedOnly) ensureProductionBuild(sandboxMode ? "sandbox" : "stripe");

/** `--fresh`: the embedded database and the sandbox's data go, refused while they are in use or not ours to delete. */
async function deleteDemoData() {
  const refuse = (why) => {
    console.error(`--fresh: ${why}; nothing was deleted.`);
    process.exit(1);
  };
  if (!sandboxMode) refuse("it rebuilds the sandbox demo only, and STRIPE_SECRET_KEY is set");
  if (process.env.DATABASE_URL)
    refuse("DATABASE_URL is set: drop and recreate that database yourself, then run this again");
  const running = await fetch(`http://127.0.0.1:${sandboxPort}/_sandbox/health`).then(
    () => true,
    () => false,
  );
  if (running) refuse(`something answers on the sandbox's port ${sandboxPort}: stop \`npm start\` first`);
  for (const dir of ["pglite", "sandbox"]) rmSync(path.join(dataDir, dir), { recursive: true, force: true });
  console.log(`Deleted the demo's database and sandbox data in ${dataDir}.`);
}

const children = [];
let stopping = false;

function launch(name, cmd, args, env) {
  const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit ${code}`}); shutting down.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    process.exit(code);
  }, 5000);
  force.unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() =>
    process.exit(code),
  );
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

const appUrl = `http://localhost:${port}`;
if (sandboxMode) {
  // The three receivers, as a platform sets them up in Stripe, each with the app's secret for it.
  const hook = (name) => `http://127.0.0.1:${port}/api/webhooks/stripe/${name}`;
  launch(
    "The sandbox",
    bin("tsx"),
    [
      "sandbox/main.ts",
      "--port",
      String(sandboxPort),
      "--smtp-port",
      String(smtpPort),
      "--data-dir",
      path.join(dataDir, "sandbox"),
    ],
    {
      SANDBOX_RTA_URL: hook("authorizations"),
      SANDBOX_RTA_SECRET: process.env[RECEIVER_SECRETS.authorizations],
      SANDBOX_SNAPSHOT_URL: hook("snapshot"),
      SANDBOX_SNAPSHOT_SECRET: process.env[RECEIVER_SECRETS.snapshot],
      SANDBOX_THIN_URL: hook("thin"),
      SANDBOX_THIN_SECRET: process.env[RECEIVER_SECRETS.thin],
    },
  );
  if (
    !(await waitFor(`http://127.0.0.1:${sandboxPort}/_sandbox/health`, { timeoutMs: 60_000, isAlive: () => !stopping }))
  ) {
    console.error("The sandbox did not start.");
    stop(1);
  }
}
// Migrations, then (sandbox mode) demo users and the demo businesses' accounts and money, once.
if (!stopping) {
  // react-server: the seed runs the app's server modules (`import "server-only"`) outside Next.js.
  const setup = spawnSync(bin("tsx"), ["--conditions=react-server", "scripts/setup-db.ts", "--seed", "--stripe"], {
    stdio: "inherit",
    env: process.env,
  });
  if (setup.status !== 0) {
    console.error("Database set-up failed.");
    stop(1);
  }
}
if (seedOnly) {
  if (!stopping) console.log("Demo data ready. `npm start` runs the app on it.");
  stop(stopping ? 1 : 0);
  await new Promise(() => {}); // stop() exits once the sandbox has stopped
}
// Idle connections stay open 65 s, longer than the clients and proxies in front keep them (a load
// balancer's 60 s): with Node's 5 s default, a client reusing a connection just as the server
// closed it got ECONNRESET (seen in the browser tests' API requests under load).
const keepAlive = dev ? [] : ["--keepAliveTimeout", "65000"];
if (!stopping)
  launch(
    "The app",
    bin("next"),
    [dev ? "dev" : "start", "--port", String(port), "--hostname", "127.0.0.1", ...keepAlive],
    {},
  );

const up = await waitFor(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 120_000, isAlive: () => !stopping });
// Events of the set-up (the demo accounts' activation, funding) found no app to receive them and
// wait for their retry: deliver them now, so the read models are current from the first page.
if (up && sandboxMode && !stopping)
  await fetch(`http://127.0.0.1:${sandboxPort}/_sandbox/webhooks/retry`, { method: "POST" }).catch(() => undefined);
if (!stopping) {
  if (!up) console.error(`The app did not report healthy within 2 minutes; see ${appUrl}/api/health`);
  console.log(
    [
      "",
      `Issuing Console is running at ${appUrl}  (${sandboxMode ? `sandbox mode, sandbox on http://127.0.0.1:${sandboxPort}` : "stripe mode"})`,
      `Data directory: ${dataDir}`,
      ...(sandboxMode
        ? [
            "Demo sign-ins (password: sandbox-demo):",
            ...DEMO_SIGN_INS.map(({ email, role }) => `  ${email.padEnd(21)} ${role}`),
          ]
        : []),
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}
