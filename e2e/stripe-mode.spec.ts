import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/lib.mjs";
import { uniqueEmail } from "./helpers";

// The same app in stripe mode (a key is set): pages load Stripe's connect.js, not the sandbox's.
// There is no network, so the Stripe API calls go to the sandbox through STRIPE_API_BASE and the
// browser's request for Stripe's connect.js is intercepted and answered with a stand-in.
const STRIPE_CONNECT_JS = "https://connect-js.stripe.com/v1.0/connect.js";
const STAND_IN = `
window.StripeConnect = { init: () => ({ connect: {}, update() {}, logout: async () => {} }) };
class StandIn extends HTMLElement {
  setConnector() { this.textContent = "Stripe connect.js stand-in"; this.dataset.standIn = "yes"; }
}
for (const m of ["setOnLoadError", "setOnLoaderStart", "setFetchEphemeralKey", "setShowSpendControls", "setIssuingProgram"]) StandIn.prototype[m + "InternalOnly"] = function () {};
customElements.define("stripe-connect-issuing-cards-list", StandIn);
`;

let app: ChildProcess;
let baseURL = "";
let dataDir = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), "ic-stripe-mode-"));
  const env = {
    ...process.env,
    STRIPE_SECRET_KEY: "sk_test_stripe_mode_e2e",
    STRIPE_API_BASE: process.env.E2E_SANDBOX_URL ?? "",
    DATA_DIR: dataDir,
    PORT: String(port),
    // Two-factor sign-in is required by default with real Stripe (lib/auth/two-factor's policy
    // test); this spec is about which connect.js loads, so its new owner signs in with a password.
    REQUIRE_2FA: "0",
  };
  const setup = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/setup-db.ts"], { env, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);
  app = spawn(path.resolve("node_modules/.bin/next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env,
    stdio: "ignore",
  });
  baseURL = `http://localhost:${port}`;
  await expect
    .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
});

test("in stripe mode the cards page loads Stripe's connect.js and never the sandbox's", async ({ page }) => {
  test.setTimeout(90_000);
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.route(STRIPE_CONNECT_JS, (route) =>
    route.fulfill({ contentType: "application/javascript", body: STAND_IN }),
  );

  const signIn = await page.goto(`${baseURL}/sign-in`);
  const csp = signIn?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("https://connect-js.stripe.com");
  expect(csp).not.toContain("127.0.0.1");
  await expect(page.getByText("Sandbox demo sign-ins")).toHaveCount(0);

  await page.goto(`${baseURL}/sign-up`);
  await page.getByLabel("Your name").fill("Sam Stripe");
  await page.getByLabel("Work email").fill(uniqueEmail("stripe-mode"));
  await page.getByLabel("Password").fill("stripe-mode-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Legal business name").fill("Stripe Mode Co.");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Continue to verification" }).click();
  await expect(page.getByRole("heading", { name: "Set up your account" })).toBeVisible();

  await page.goto(`${baseURL}/cards`);
  await expect(page.locator("stripe-connect-issuing-cards-list[data-stand-in=yes]")).toHaveText(
    "Stripe connect.js stand-in",
  );
  expect(requested).toContain(STRIPE_CONNECT_JS);
  expect(requested.some((u) => u.endsWith("/connect.js") && !u.startsWith("https://connect-js.stripe.com"))).toBe(
    false,
  );
});
