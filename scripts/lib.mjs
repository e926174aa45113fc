// Shared helpers for the plain-JS scripts that must run before dependencies are installed.
import { randomBytes, createHash } from "node:crypto";
import { existsSync, readFileSync, appendFileSync, readdirSync, statSync, writeFileSync, unlinkSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { spawnSync } from "node:child_process";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/**
 * Installs dependencies when node_modules is missing or was installed from another lockfile.
 * `npm install` (not `npm ci`): the lockfile pins every version, but the registry reachable here
 * serves only this platform's optional binaries, which `npm ci`'s strict check refuses.
 */
export function ensureDependencies() {
  const lock = path.join(root, "package-lock.json");
  const stamp = path.join(root, "node_modules", ".issuing-console-lock-hash");
  const lockHash = createHash("sha256").update(readFileSync(lock)).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lockHash) return;
  console.log("Installing dependencies…");
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--include=dev"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error("npm install failed; see the output above.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, createHash("sha256").update(readFileSync(lock)).digest("hex"));
}

/**
 * The demo sign-ins `npm start` prints (password `sandbox-demo`). The source is DEMO_SIGN_INS in
 * lib/demo/seed.ts, TypeScript that this plain-Node script can't import: scripts/lib.test.ts checks
 * that this copy matches it. The README's "Demo sign-ins" table lists them too.
 */
export const DEMO_SIGN_INS = [
  { email: "admin@platform.test", role: "platform admin" },
  { email: "owner@us.test", role: "owner of Acme Supplies Inc. (US, Treasury)" },
  { email: "owner@mx.test", role: "owner of Comercial Aurora S.A. de C.V. (MX, USDC)" },
  { email: "owner@uk.test", role: "owner of Brightside Supplies Ltd (UK, Issuing balance)" },
  { email: "cardholder@us.test", role: "cardholder at Acme Supplies Inc. (US): sees only her cards" },
  {
    email: "admin@us.test",
    role: "admin at Acme Supplies Inc. (US) and Brightside Supplies Ltd (UK): switches between them",
  },
  { email: "member@us.test", role: "member at Acme Supplies Inc. (US): asks for cards" },
];

/** The signing secrets of the app's three receivers (lib/events/receivers.ts), by receiver. */
export const RECEIVER_SECRETS = {
  authorizations: "STRIPE_AUTHORIZATION_SECRET",
  snapshot: "STRIPE_SNAPSHOT_WEBHOOK_SECRET",
  thin: "STRIPE_THIN_WEBHOOK_SECRET",
};

/**
 * Adds the local-only secrets `file` lacks (creating it when absent) and answers the names it
 * wrote. The receivers' signing secrets are generated only in sandbox mode: against Stripe they
 * are the ones Stripe shows for each receiver. A variable set in `env` is not written.
 * @param {string} file
 * @param {Record<string, string | undefined>} [env]
 */
export function writeLocalSecrets(file, env = process.env) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const has = (key) => new RegExp(`^\\s*${key}\\s*=`, "m").test(text);
  const sandboxMode = !env.STRIPE_SECRET_KEY && !has("STRIPE_SECRET_KEY");
  const lines = [];
  if (!has("AUTH_SECRET")) lines.push(`AUTH_SECRET=${randomBytes(32).toString("base64url")}`);
  if (sandboxMode) {
    for (const key of Object.values(RECEIVER_SECRETS))
      if (!has(key) && !env[key]) lines.push(`${key}=whsec_${randomBytes(24).toString("hex")}`);
  }
  if (lines.length > 0) {
    const header = text ? "" : "# Local-only secrets written by `npm start`. Never commit this file.\n";
    appendFileSync(file, `${text && !text.endsWith("\n") ? "\n" : ""}${header}${lines.join("\n")}\n`, { mode: 0o600 });
  }
  return { written: lines.map((l) => l.slice(0, l.indexOf("="))), sandboxMode };
}

/** Writes local-only secrets to .env.local when absent (also into an existing file that lacks some), then loads it (real env vars win). */
export function ensureLocalSecrets() {
  const file = path.join(root, ".env.local");
  const { written, sandboxMode } = writeLocalSecrets(file);
  if (written.length > 0) console.log(`Wrote ${written.length} local secret(s) to .env.local: ${written.join(", ")}`);
  process.loadEnvFile(file);
  if (!sandboxMode) {
    const missing = Object.values(RECEIVER_SECRETS).filter((key) => !process.env[key]);
    if (missing.length)
      console.warn(
        `Stripe mode: ${missing.join(", ")} not set; copy each receiver's signing secret from Stripe (npm run stripe:doctor checks the setup).`,
      );
  }
}

/** A fingerprint of everything that goes into the production build. */
export function buildFingerprint(extra) {
  const hash = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === "node_modules" || name.endsWith(".test.ts") || name.endsWith(".test.tsx")) continue;
        walk(path.join(p, name));
      }
    } else {
      hash.update(`${path.relative(root, p)}:${st.size}:${Math.floor(st.mtimeMs)}\n`);
    }
  };
  for (const entry of [
    "app",
    "components",
    "lib",
    "db",
    "public",
    "types",
    "proxy.ts",
    "next.config.ts",
    "package-lock.json",
    "tsconfig.json",
    "postcss.config.mjs",
  ]) {
    walk(path.join(root, entry));
  }
  hash.update(extra);
  return hash.digest("hex");
}

/** Runs `next build` when the code (or the mode) changed since the last build. */
export function ensureProductionBuild(mode) {
  const stampFile = path.join(root, ".next", "issuing-console-build-stamp");
  const fingerprint = buildFingerprint(mode);
  const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (current === fingerprint && existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("Building the app (first start or code changed)…");
  const result = spawnSync(bin("next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  if (result.status !== 0) {
    console.error("The production build failed.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, fingerprint);
}

export function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

export async function waitFor(url, { timeoutMs, isAlive }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isAlive && !isAlive()) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/**
 * An exclusive lock on the `.next` build directory for the lifetime of this process, so two
 * browser-test or benchmark runs in one checkout never rebuild the app under each other.
 */
export async function lockNextDir({ timeoutMs = 30 * 60_000 } = {}) {
  const lock = path.join(root, ".next.lock");
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (readFileSync(lock, "utf8") === String(process.pid)) unlinkSync(lock);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch {
      let holder = 0;
      try {
        holder = Number(readFileSync(lock, "utf8"));
      } catch {
        continue;
      }
      // This process holds it already (one bench run building and then measuring twice).
      if (holder === process.pid) return () => {};
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = true;
      } catch {
        alive = false;
      }
      if (!alive) {
        try {
          unlinkSync(lock);
        } catch {
          // someone else took it
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`.next is locked by process ${holder} for too long`);
      if (!announced) {
        console.log(`Waiting for another test or benchmark run (process ${holder}) to finish with .next…`);
        announced = true;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** A TCP port on 127.0.0.1 that is free right now (for a server started next). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
