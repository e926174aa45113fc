// `business_home`: server time of a business user's home page (/dashboard), measured over HTTP
// against the production build, as the browser would ask for it: the real session cookie, the
// app's live Stripe calls to the sandbox (onboarding state, balances) and its read-model queries
// (money flow, activity, attention counts) over a history of card purchases and their events.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { ensureProductionBuild, freePort, lockNextDir, waitFor } from "../scripts/lib.mjs";
import { issueCard } from "../testing/issue-card";
import { runLoad } from "./lib/load";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS || 5000);
const PURCHASES = Number(process.env.BENCH_HOME_PURCHASES || 400);
const DEMO = { email: "owner@us.test", password: "sandbox-demo", name: "Acme Supplies Inc." };

/** Cookies as a browser would keep them: the last value of each name wins. */
class CookieJar {
  private jar = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs in through Auth.js's own credentials endpoint (CSRF token first), as the sign-in form does. */
async function signIn(base: string): Promise<string> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({
      email: DEMO.email,
      password: DEMO.password,
      csrfToken,
      callbackUrl: `${base}/dashboard`,
    }),
  });
  jar.take(res);
  if (!jar.header().includes("session-token")) throw new Error(`business_home: sign-in failed (${res.status})`);
  return jar.header();
}

/** A card for the demo business and `PURCHASES` purchases on it, so the home page has history to read. */
async function makeHistory(stripe: Stripe): Promise<void> {
  const accounts = await stripe.accounts.list({ limit: 100 });
  const account = accounts.data.find((a) => a.business_profile?.name === DEMO.name)?.id;
  if (!account) throw new Error("business_home: the demo business has no Stripe account");
  const o = { stripeAccount: account };
  const { card } = await issueCard(stripe, account, "treasury", {
    holder: { first: "Bench", last: "Buyer", email: "bench.buyer@example.test" },
    dailyLimit: 100_000_000,
  });
  const categories = [
    "taxicabs_limousines",
    "eating_places_restaurants",
    "computer_software_stores",
    "betting_casino_gambling",
  ] as const;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < PURCHASES) {
        const i = next++;
        await stripe.testHelpers.issuing.authorizations.create(
          {
            card,
            amount: 100 + (i % 37) * 25,
            merchant_data: { category: categories[i % categories.length], name: `Merchant ${i % 20}`, country: "US" },
          },
          o,
        );
      }
    }),
  );
}

async function settleWebhooks(sandboxUrl: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { pending_deliveries } = (await (await fetch(`${sandboxUrl}/_sandbox/webhooks`)).json()) as {
      pending_deliveries: number;
    };
    if (pending_deliveries === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function businessHome(): Promise<Record<string, number>> {
  await lockNextDir();
  ensureProductionBuild("sandbox");
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "ic-bench-home-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    DATA_DIR: dataDir,
  };
  delete env.STRIPE_SECRET_KEY;
  delete env.DATABASE_URL;
  const root = path.resolve(import.meta.dirname, "..");
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  let exited = false;
  server.on("exit", () => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  try {
    if (!(await waitFor(`${base}/api/health`, { timeoutMs: 300_000, isAlive: () => !exited })))
      throw new Error(`business_home: the app did not start:\n${log}`);
    const stripe = new Stripe("sk_test_bench_business_home", {
      host: "127.0.0.1",
      port: sandboxPort,
      protocol: "http",
    });
    const started = performance.now();
    await makeHistory(stripe);
    await settleWebhooks(sandboxUrl);
    console.log(
      `  ${PURCHASES} purchases made and their events delivered in ${Math.round(performance.now() - started)} ms`,
    );
    const cookie = await signIn(base);
    const figures = await runLoad({
      concurrency: 1,
      warmupMs: 1000,
      durationMs: DURATION_MS,
      task: async () => {
        const res = await fetch(`${base}/dashboard`, { headers: { cookie }, redirect: "manual" });
        const html = await res.text();
        // Only a full page counts: a redirect or an error page would be measuring something else.
        if (res.status !== 200 || !html.includes(DEMO.name.replace("&", "&amp;")))
          throw new Error(`business_home: /dashboard answered ${res.status}`);
      },
    });
    return { p50_ms: figures.p50_ms, p95_ms: figures.p95_ms, count: figures.count, purchases: PURCHASES };
  } finally {
    if (!exited) {
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => server.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
