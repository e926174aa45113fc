// Web security, end to end against the production build: CSRF (server actions, Auth.js endpoints,
// the webhook), security headers and the CSP, session cookie flags, sign-in rate limiting, and
// scans proving no secret, full account number or card number reaches the browser unless an
// admin explicitly reveals the platform's account number.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  expect,
  test,
  type APIResponse,
  type Browser,
  type BrowserContext,
  type Page,
  type Response,
} from "@playwright/test";
import Stripe from "stripe";
import { SANDBOX_SECRET_KEY } from "../lib/config";
import { RECEIVERS, type ReceiverKind } from "../lib/events/receivers";
import { findLeaks, parseEnvFile } from "../lib/security/secret-scan";
import { sandboxStripe, V2_VERSION } from "./admin-helpers";
import { DEMO_PASSWORD, signIn, uniqueEmail } from "./helpers";
import { allVisits, signInAs, type PageVisit } from "./pages";
import { acmeMember } from "./spend-helpers";
import { pageFrom, signInAnswer, SLOWED, WRONG, wrongUntilSlowed } from "./throttle";

// Several sign-ups and scrypt-checked sign-ins per test: more than the default budget on a busy machine.
test.describe.configure({ timeout: 120_000 });

const baseURL = process.env.E2E_BASE_URL ?? "";
const appOrigin = new URL(baseURL || "http://localhost").origin;
const sandboxOrigin = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111").origin;
const EVIL = "https://evil.example";

type Named = { name: string; value: string };

/** This run's secret values, as `scripts/start.mjs` gives them to the app: real env vars, else `.env.local`. */
function runSecrets(): Named[] {
  const file = path.resolve(".env.local");
  const fromFile = existsSync(file) ? parseEnvFile(readFileSync(file, "utf8")) : {};
  const get = (key: string) => process.env[key] || fromFile[key] || "";
  const out: Named[] = [
    { name: "AUTH_SECRET", value: get("AUTH_SECRET") },
    ...Object.values(RECEIVERS).map((r) => ({ name: r.secretEnv, value: get(r.secretEnv) })),
    { name: "SANDBOX_SECRET_KEY", value: SANDBOX_SECRET_KEY },
  ];
  for (const key of ["DATABASE_URL", "STRIPE_SECRET_KEY", "TEST_DATABASE_URL"])
    if (get(key)) out.push({ name: key, value: get(key) });
  return out;
}

function expectRunSecretsKnown(secrets: Named[]): void {
  // The scan proves nothing if the values it searches for are missing.
  expect(secrets.find((s) => s.name === "AUTH_SECRET")?.value.length).toBeGreaterThanOrEqual(32);
  for (const r of Object.values(RECEIVERS))
    expect(secrets.find((s) => s.name === r.secretEnv)?.value, r.secretEnv).toMatch(/^whsec_.{16,}/);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 5. The built client bundles
// ---------------------------------------------------------------------------------------------

test("the built client bundles hold no secret key, webhook secret or this run's secrets", () => {
  const secrets = runSecrets();
  expectRunSecretsKnown(secrets);
  const dir = path.resolve(".next/static");
  const files = walk(dir);
  const js = files.filter((f) => f.endsWith(".js"));
  expect(js.length).toBeGreaterThan(10);
  let bytes = 0;
  const findings: string[] = [];
  for (const file of files) {
    const buf = readFileSync(file);
    bytes += buf.length;
    for (const f of findLeaks(buf.toString("utf8"), secrets))
      findings.push(`${path.relative(dir, file)}: ${f.name} (${f.excerpt})`);
  }
  const summary = `client bundles scanned: ${files.length} files (${js.length} .js), ${bytes} bytes`;
  console.log(summary);
  test.info().annotations.push({ type: "bundle-scan", description: summary });
  expect(findings).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Response scanning: every response a browser context receives
// ---------------------------------------------------------------------------------------------

type Received = { method: string; url: string; type: string; body: Buffer };

/**
 * Keeps every response a context receives, to be searched once the values to look for are known.
 * Each request goes through a route that fetches it, keeps the complete body and hands it to the
 * page unchanged (bodies read from response events miss streamed RSC and server-action responses,
 * which Chromium does not keep).
 */
class ResponseRecorder {
  received: Received[] = [];
  failed: string[] = [];

  async attach(context: BrowserContext): Promise<void> {
    await context.route("**/*", async (route) => {
      const req = route.request();
      let res: APIResponse;
      let body: Buffer;
      try {
        res = await route.fetch({ maxRedirects: 0 });
        body = await res.body();
      } catch (err) {
        // The page went away mid-request (a navigation cancels prefetches); nothing was received.
        this.failed.push(`${req.method()} ${req.url().slice(0, 100)}: ${String(err).slice(0, 100)}`);
        await route.abort().catch(() => undefined);
        return;
      }
      this.received.push({
        method: req.method(),
        url: req.url(),
        type: (res.headers()["content-type"] ?? "none").split(";")[0] ?? "none",
        body,
      });
      await route.fulfill({ response: res, body }).catch(() => undefined);
    });
  }

  /** Findings in the responses from index `from` on. */
  scan(values: Named[], from = 0): Array<{ method: string; url: string; name: string; text: string }> {
    return this.received.slice(from).flatMap((r) =>
      findLeaks(r.body.toString("utf8"), values).map((f) => ({
        method: r.method,
        url: r.url,
        name: f.name,
        text: `${r.method} ${r.url}: ${f.name} (${f.excerpt})`,
      })),
    );
  }

  summary(from = 0, to = this.received.length): string {
    const slice = this.received.slice(from, to);
    const kinds = new Map<string, number>();
    for (const r of slice) kinds.set(r.type, (kinds.get(r.type) ?? 0) + 1);
    const bytes = slice.reduce((n, r) => n + r.body.length, 0);
    return `${slice.length} responses, ${bytes} bytes (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})`;
  }
}

/** The full numbers the sandbox holds: platform and connected accounts' addresses, every card's number. */
async function fullNumbers(): Promise<{ values: Named[]; platform: string[] }> {
  const stripe = sandboxStripe();
  const values: Named[] = [];
  const platform: string[] = [];
  const v2 = async (p: string, context?: string) =>
    (await stripe.rawRequest("GET", p, undefined, {
      apiVersion: V2_VERSION,
      ...(context ? { stripeContext: context } : {}),
    })) as unknown as Record<string, unknown> & { data?: Array<{ id: string }> };
  const addressNumbers = async (context?: string) => {
    const out: string[] = [];
    for (const a of (await v2("/v2/money_management/financial_addresses", context)).data ?? []) {
      const full = (await v2(
        `/v2/money_management/financial_addresses/${a.id}?include[0]=credentials.us_bank_account.account_number`,
        context,
      )) as { credentials?: { us_bank_account?: { account_number?: string } } };
      const n = full.credentials?.us_bank_account?.account_number;
      if (n) out.push(n);
    }
    return out;
  };
  for (const n of await addressNumbers()) {
    platform.push(n);
    values.push({ name: "platform account number", value: n });
  }
  for await (const account of stripe.accounts.list({ limit: 100 })) {
    const opts = { stripeAccount: account.id };
    for (const n of await addressNumbers(account.id).catch(() => []))
      values.push({ name: `account number (v2, ${account.id})`, value: n });
    const fas = await stripe.treasury.financialAccounts.list({ limit: 100 }, opts).catch(() => ({ data: [] }));
    for (const fa of fas.data) {
      const full = await stripe.treasury.financialAccounts.retrieve(
        fa.id,
        { expand: ["financial_addresses.aba.account_number"] },
        opts,
      );
      for (const a of full.financial_addresses)
        if (a.aba?.account_number) values.push({ name: `account number (${account.id})`, value: a.aba.account_number });
    }
    const cards = await stripe.issuing.cards.list({ limit: 100 }, opts).catch(() => ({ data: [] }));
    for (const c of cards.data.filter((card) => card.type === "virtual")) {
      const full = await stripe.issuing.cards.retrieve(c.id, { expand: ["number"] }, opts);
      if (full.number) values.push({ name: `card number (${c.id})`, value: full.number });
    }
  }
  return { values, platform };
}

const SECURITY_HEADERS: Record<string, RegExp> = {
  "x-content-type-options": /^nosniff$/,
  "x-frame-options": /^DENY$/,
  "referrer-policy": /^(strict-origin-when-cross-origin|no-referrer|same-origin|strict-origin)$/,
  "permissions-policy": /camera=\(\)/,
};

/** The headers every page (document) response must carry, with the CSP's nonce. */
function pageHeaderProblems(r: Response | { url(): string; headers(): Record<string, string> }): string[] {
  const h = r.headers();
  const problems: string[] = [];
  for (const [name, re] of Object.entries(SECURITY_HEADERS))
    if (!re.test(h[name] ?? "")) problems.push(`${r.url()}: ${name} is ${JSON.stringify(h[name])}`);
  if (h["x-powered-by"] !== undefined) problems.push(`${r.url()}: X-Powered-By is sent`);
  const csp = h["content-security-policy"] ?? "";
  const script = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
  if (!/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' (\S+)$/.test(script) || script.split(" ")[3] !== sandboxOrigin)
    problems.push(`${r.url()}: script-src is ${JSON.stringify(script)}`);
  if (!csp.includes("frame-ancestors 'none'")) problems.push(`${r.url()}: no frame-ancestors 'none'`);
  if (!csp.includes("object-src 'none'")) problems.push(`${r.url()}: no object-src 'none'`);
  return problems;
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? null;

/** Opens a visit's page (resolving a dynamic path first) and returns the document response. */
async function visit(page: Page, v: Pick<PageVisit, "path" | "landsOn">): Promise<Response | null> {
  const target = typeof v.path === "string" ? v.path : await v.path(page);
  const res = await page.goto(target);
  if (v.landsOn) await expect(page).toHaveURL(v.landsOn);
  // Client components mount and fetch (RSC, embedded components) after load.
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => undefined);
  return res;
}

async function newRecordedContext(browser: Browser, recorder: ResponseRecorder): Promise<Page> {
  const context = await browser.newContext();
  await recorder.attach(context);
  return context.newPage();
}

/** A brand-new user with no business, signed in on a fresh page. */
async function freshUser(browser: Browser, prefix: string): Promise<{ page: Page; email: string; password: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(prefix);
  const password = `${prefix}-password-1`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Sec Tester");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  return { page, email, password };
}

// ---------------------------------------------------------------------------------------------
// 6. Every page as each kind of user: no secret or full number in any response; headers on each
// ---------------------------------------------------------------------------------------------

test("no response to a business owner, a member or a platform admin holds a secret or a full account or card number, except the admin's explicit reveal", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const secrets = runSecrets();
  expectRunSecretsKnown(secrets);
  const recorder = new ResponseRecorder();
  const headerProblems: string[] = [];
  const pagesVisited: string[] = [];

  const visitAll = async (page: Page, visits: Array<Pick<PageVisit, "name" | "path" | "landsOn">>, who: string) => {
    for (const v of visits) {
      const res = await visit(page, v);
      expect(res, `${who}: ${v.name}`).not.toBeNull();
      if (res && new URL(res.url()).origin === appOrigin) headerProblems.push(...pageHeaderProblems(res));
      pagesVisited.push(`${who}: ${v.name}`);
    }
  };

  // Signed out: the public pages.
  const anonymous = await newRecordedContext(browser, recorder);
  await visitAll(
    anonymous,
    allVisits().filter((v) => v.as === null),
    "signed out",
  );

  // Business owners (US and MX) on every page the table lists for them; this also issues a card
  // for Acme when none exists yet, so a real card number is among those searched for.
  for (const owner of ["owner@us.test", "owner@mx.test"] as const) {
    const page = await newRecordedContext(browser, recorder);
    await signInAs(page, owner);
    await visitAll(
      page,
      allVisits().filter((v) => v.as === owner),
      owner,
    );
  }

  // A member of Acme on the business pages.
  const memberContext = await browser.newContext();
  await recorder.attach(memberContext);
  const member = await acmeMember(browser, memberContext);
  const businessPaths = [
    ...new Set(
      allVisits()
        .filter((v) => v.as === "owner@us.test" && typeof v.path === "string" && !v.landsOn)
        .map((v) => v.path as string),
    ),
  ];
  await visitAll(
    member.page,
    businessPaths.map((p) => ({ name: p, path: p })),
    "member",
  );

  // The platform admin on every admin page, the treasury last.
  const admin = await newRecordedContext(browser, recorder);
  await signInAs(admin, "admin@platform.test");
  const adminVisits = allVisits().filter((v) => v.as === "admin@platform.test");
  await visitAll(
    admin,
    [
      ...adminVisits.filter((v) => v.route !== "/admin/treasury"),
      ...adminVisits.filter((v) => v.route === "/admin/treasury"),
    ],
    "admin",
  );

  // The numbers to search for, read after the visits so a card issued above is among them.
  const found = await fullNumbers();
  const values = [...secrets, ...found.values];
  expect(found.platform.length, "the platform has a financial address with a full number").toBeGreaterThan(0);
  expect(
    found.values.some((n) => n.name.startsWith("card number")),
    "at least one card number is searched for",
  ).toBe(true);
  expect(
    found.values.some((n) => n.name.startsWith("account number (acct_")),
    "connected accounts' numbers are searched for",
  ).toBe(true);
  const beforeReveal = recorder.received.length;
  const leaks = recorder.scan(values).map((f) => f.text);

  // The treasury shows the platform's number masked; the admin reveals it explicitly, after giving
  // the password again (made certain here: a slow run can pass the five minutes since sign-in).
  await admin.goto("/account/sessions");
  await admin.getByRole("button", { name: "Ask for my password next time" }).click();
  await admin.getByRole("button", { name: "Ask next time" }).click();
  await expect(admin.getByTestId("toast")).toHaveText("The next sensitive action will ask for your password.");
  await admin.goto("/admin/treasury");
  await expect(admin.getByRole("heading", { name: "Platform treasury" })).toBeVisible();
  await expect(admin.getByText(`•••• ${found.platform[0]!.slice(-4)}`).first()).toBeVisible();
  await admin.getByRole("button", { name: "Reveal full account number" }).first().click();
  const ask = admin.getByRole("alertdialog", { name: "Confirm it's you" });
  await ask.getByLabel("Password or authenticator code").fill(DEMO_PASSWORD);
  await ask.getByRole("button", { name: "Confirm" }).click();
  await expect(ask).toHaveCount(0);
  const shown = (await admin.getByTestId("account-number").first().innerText()).trim();
  expect(found.platform).toContain(shown);
  const revealed = recorder.scan(values, beforeReveal);

  const types = (t: string) => recorder.received.slice(0, beforeReveal).filter((r) => r.type === t).length;
  const summary = `response scan: ${pagesVisited.length} page visits (signed out, 2 owners, a member, the admin); ${recorder.summary(0, beforeReveal)}; ${recorder.failed.length} requests cancelled by navigation; ${found.values.length} full numbers and ${secrets.length} secret values searched for`;
  console.log(summary);
  test.info().annotations.push({ type: "response-scan", description: summary });

  expect(leaks, "nothing leaked before the explicit reveal").toEqual([]);
  expect(beforeReveal).toBeGreaterThan(pagesVisited.length);
  expect(types("text/html")).toBeGreaterThanOrEqual(pagesVisited.length / 2);
  expect(types("text/x-component"), "RSC payloads were captured").toBeGreaterThan(0);
  expect(
    recorder.received.slice(0, beforeReveal).some((r) => r.url.startsWith(`${sandboxOrigin}/connect/api`)),
    "the embedded components' API responses were captured",
  ).toBe(true);
  // The reveal's own response carries the number (which also proves the scan finds it), and only that.
  expect(revealed.length).toBeGreaterThan(0);
  for (const f of revealed)
    expect({ name: f.name, method: f.method, path: new URL(f.url).pathname }).toEqual({
      name: "platform account number",
      method: "POST",
      path: "/admin/treasury",
    });
  expect(headerProblems).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// 2. Headers and CSP
// ---------------------------------------------------------------------------------------------

test("pages and API responses carry the security headers; each page gets its own CSP nonce, used on its scripts", async ({
  page,
  request,
}) => {
  // Two loads of the same page: a fresh nonce each time, and the page's scripts carry it.
  const first = await page.goto("/sign-in");
  const second = await request.get("/sign-in");
  expect(pageHeaderProblems(first!)).toEqual([]);
  expect(pageHeaderProblems(second)).toEqual([]);
  const [n1, n2] = [
    nonceOf(first!.headers()["content-security-policy"]),
    nonceOf(second.headers()["content-security-policy"]),
  ];
  expect(n1).toBeTruthy();
  expect(n1).not.toBe(n2);
  // Every script tag in the HTML (Next.js's inline RSC data included) carries this request's nonce.
  const tags = (await first!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(2);
  expect(tags.filter((t) => !t.includes(`nonce="${n1}"`))).toEqual([]);

  // A redirect and a 404 are pages too.
  const redirect = await request.get("/dashboard", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(pageHeaderProblems(redirect)).toEqual([]);

  // API responses: the same headers and a policy that runs no script at all.
  const api = [
    await request.get("/api/health"),
    await request.get("/api/auth/session"),
    await request.get("/api/auth/csrf"),
    await request.get("/api/admin/analytics"),
    ...(await Promise.all(Object.values(RECEIVERS).map((r) => request.post(r.path, { data: "{}" })))),
  ];
  for (const r of api) {
    const h = r.headers();
    for (const [name, re] of Object.entries(SECURITY_HEADERS)) expect(h[name], `${r.url()} ${name}`).toMatch(re);
    expect(h["x-powered-by"], r.url()).toBeUndefined();
    expect(h["content-security-policy"], r.url()).toContain("default-src 'none'");
    expect(h["content-security-policy"], r.url()).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], r.url()).not.toContain("script-src");
  }

  // A page that does not exist, signed in, is a 404 page with the same headers.
  await signInAs(page, "admin@platform.test");
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  expect(pageHeaderProblems(missing!)).toEqual([]);
});

test("the pages with embedded components load with no CSP violation", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const console_: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console_.push(m.text());
  });
  const loaded: string[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(`${sandboxOrigin}/`)) loaded.push(r.url());
  });
  await signInAs(page, "owner@us.test");
  const violations: string[] = [];
  for (const [path, ready] of [
    ["/money", () => page.getByTestId("money-components").getByTestId("balance-cash")],
    ["/cards", () => page.getByTestId("cards-components").getByRole("button", { name: "Search" })],
  ] as const) {
    await page.goto(path);
    await expect(ready()).toBeVisible();
    violations.push(
      ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `${path}: ${v}`),
    );
  }
  // The components really came from the sandbox (connect.js and its API), under the policy.
  expect(loaded.some((u) => u.includes("connect.js"))).toBe(true);
  expect(loaded.some((u) => u.includes("/connect/api"))).toBe(true);
  expect(violations).toEqual([]);
  expect(console_).toEqual([]);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 1. CSRF
// ---------------------------------------------------------------------------------------------

/** Server action ids by exported name, from the production build's manifest. */
function actionIds(name: string): string[] {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node)
    .filter(([, v]) => v.exportedName === name)
    .map(([id]) => id);
}

test("a cross-origin server action is refused with a plain 403 and changes nothing; the same request from the app's origin works", async ({
  browser,
}) => {
  const { page, email } = await freshUser(browser, "websec-csrf");
  const [signOutId] = actionIds("signOutAction");
  expect(signOutId, "signOutAction is in the server reference manifest").toMatch(/^[0-9a-f]{40,}$/);
  const post = (origin: string) =>
    page.request.post("/dashboard", {
      headers: {
        "Next-Action": signOutId!,
        Origin: origin,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: "[]",
      maxRedirects: 0,
    });

  // From another site (the session cookie rides along, as it would on a forged request): refused.
  for (const origin of [EVIL, "null"]) {
    const refused = await post(origin);
    expect(refused.status()).toBe(403);
    const text = await refused.text();
    expect(text).toBe("Cross-site request refused.");
    const session = await page.request.get("/api/auth/session");
    expect((await session.json())?.user?.email, "still signed in").toBe(email);
  }
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/onboarding$/);

  // The very same request from the app's own origin signs out, so the action id was real.
  const accepted = await post(appOrigin);
  expect(accepted.status()).toBeLessThan(400);
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();

  // A classic cross-site form post (no Next-Action header, the action id in the form) to sign up:
  // refused, and no account exists afterwards.
  const [signUpId] = actionIds("signUpAction");
  expect(signUpId).toMatch(/^[0-9a-f]{40,}$/);
  const forgedEmail = uniqueEmail("websec-forged");
  const formPost = await page.request.post("/sign-up", {
    headers: { Origin: EVIL },
    multipart: { [`$ACTION_ID_${signUpId}`]: "", name: "Forged", email: forgedEmail, password: "forged-password-1" },
    maxRedirects: 0,
  });
  expect(formPost.status()).toBe(403);
  await signIn(page, forgedEmail, "forged-password-1");
  await expect(page.getByTestId("form-alert")).toHaveText("That email and password don't match an account");
});

test("Auth.js's own sign-in and sign-out endpoints refuse a cross-site form post without the CSRF token", async ({
  browser,
  playwright,
}) => {
  const { page, email, password } = await freshUser(browser, "websec-authjs");
  // Sign-out posted from another site with the victim's cookie but no token: still signed in.
  const signOut = await page.request.post("/api/auth/signout", {
    headers: { Origin: EVIL },
    form: { callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(signOut.status()).toBeLessThan(500);
  expect((await (await page.request.get("/api/auth/session")).json())?.user?.email).toBe(email);
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/onboarding$/);

  // Credentials sign-in posted without the token (a login-CSRF attempt): no session is made.
  const anon = await playwright.request.newContext({ baseURL });
  const forged = await anon.post("/api/auth/callback/credentials", {
    headers: { Origin: EVIL },
    form: { email, password },
    maxRedirects: 0,
  });
  expect(forged.status()).toBeLessThan(500);
  expect(
    forged.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /session-token=/.test(h.value)),
  ).toEqual([]);
  expect(await (await anon.get("/api/auth/session")).json()).toBeNull();

  // With the token (as the endpoint's own form would send it) the same credentials work: the
  // refusal above was the missing token, not the password.
  const { csrfToken } = (await (await anon.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const real = await anon.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(real.status()).toBe(302);
  expect((await (await anon.get("/api/auth/session")).json())?.user?.email).toBe(email);
  await anon.dispose();
});

test("each webhook receiver refuses unsigned and badly signed bodies with 400, and is not cookie-authenticated", async ({
  page,
}) => {
  await signInAs(page, "admin@platform.test");
  const event = JSON.stringify({
    id: "evt_websec_forged",
    object: "event",
    type: "issuing_authorization.request",
    data: { object: {} },
  });
  const t = Math.floor(Date.now() / 1000);
  for (const receiver of Object.values(RECEIVERS)) {
    for (const signature of [undefined, "garbage", `t=${t},v1=${"0".repeat(64)}`, `t=${t},v1=${"ab".repeat(32)}`]) {
      // page.request carries the platform admin's session cookie: it must not matter.
      const r = await page.request.post(receiver.path, {
        headers: {
          Origin: EVIL,
          "Content-Type": "application/json",
          ...(signature ? { "Stripe-Signature": signature } : {}),
        },
        data: event,
      });
      expect(r.status(), `${receiver.path} signature ${signature}`).toBe(400);
      const body = await r.text();
      expect(body).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules/);
    }
  }
});

test("the real-time, snapshot and thin receivers each refuse the others' signatures and take their own", async ({
  request,
}) => {
  const secrets = Object.fromEntries(runSecrets().map((s) => [s.name, s.value]));
  const secretOf = (kind: ReceiverKind) => secrets[RECEIVERS[kind].secretEnv] ?? "";
  const kinds = Object.keys(RECEIVERS) as ReceiverKind[];
  expect(new Set(kinds.map(secretOf)).size, "three different secrets").toBe(3);
  const stripe = new Stripe("sk_test_unused");
  const sign = (payload: string, kind: ReceiverKind) =>
    stripe.webhooks.generateTestHeaderString({ payload, secret: secretOf(kind) });
  const run = Date.now().toString(36);
  // Deliveries that change nothing the other tests look at: a v1 event the app stores and does not
  // apply, a ping of the thin destination, and (for the real-time receiver, whose every accepted
  // request is a decision) a correctly signed delivery of the wrong kind, refused after the signature.
  const own: Record<ReceiverKind, { body: string; status: number; answer: RegExp }> = {
    authorizations: {
      body: JSON.stringify({
        id: `evt_websec_rta_${run}`,
        object: "event",
        type: "balance.available",
        created: t(),
        data: { object: { object: "balance" } },
      }),
      status: 400,
      answer: /real-time authorization requests/,
    },
    snapshot: {
      body: JSON.stringify({
        id: `evt_websec_snapshot_${run}`,
        object: "event",
        type: "balance.available",
        created: t(),
        livemode: false,
        data: { object: { object: "balance" } },
      }),
      status: 200,
      answer: /"received":true/,
    },
    thin: {
      body: JSON.stringify({
        id: `evt_test_websec_thin_${run}`,
        object: "v2.core.event",
        type: "v2.core.event_destination.ping",
        created: new Date().toISOString(),
        livemode: false,
        related_object: {
          id: "ed_test_websec",
          type: "v2.core.event_destination",
          url: "/v2/core/event_destinations/ed_test_websec",
        },
      }),
      status: 200,
      answer: /"received":true/,
    },
  };
  for (const receiver of kinds) {
    for (const signer of kinds) {
      const { body, status, answer } = own[receiver];
      const r = await request.post(RECEIVERS[receiver].path, {
        headers: { "Content-Type": "application/json", "Stripe-Signature": sign(body, signer) },
        data: body,
      });
      const text = await r.text();
      if (signer === receiver) {
        expect(r.status(), `${receiver} with its own secret: ${text}`).toBe(status);
        expect(text).toMatch(answer);
      } else {
        expect([r.status(), text], `${receiver} signed with the ${signer} secret`).toEqual([
          400,
          JSON.stringify({ error: "Invalid signature" }),
        ]);
      }
    }
  }
});

function t(): number {
  return Math.floor(Date.now() / 1000);
}

// ---------------------------------------------------------------------------------------------
// 3. Cookies
// ---------------------------------------------------------------------------------------------

test("over http the session cookie is HttpOnly, SameSite=Lax and Path=/; the ic_business cookie too", async ({
  browser,
}) => {
  const context = await browser.newContext();
  await acmeMember(browser, context);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  const business = cookies.find((c) => c.name === "ic_business");
  expect(business).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  await context.close();
});

test("served over https (behind a TLS proxy), the session cookie is __Secure- and Secure, and so is ic_business", async ({
  browser,
}) => {
  // The proxy in front says the browser's connection is https; Chromium treats localhost as secure.
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  await acmeMember(browser, context);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "authjs.session-token")).toBeUndefined();
  expect(cookies.find((c) => c.name === "__Secure-authjs.session-token")).toMatchObject({
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: true,
  });
  expect(cookies.find((c) => c.name === "ic_business")).toMatchObject({
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: true,
  });
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 4. Sign-in rate limiting
// ---------------------------------------------------------------------------------------------

test("wrong passwords for one email slow that email down, even for the right password; another email is unaffected", async ({
  browser,
}) => {
  const limited = await freshUser(browser, "websec-limited");
  const other = await freshUser(browser, "websec-unlimited");
  await limited.page.context().close();
  // A network of its own: failures from 127.0.0.1 would count against every other test's sign-ins.
  const page = await pageFrom(browser, "192.0.2.31");
  await wrongUntilSlowed(page, limited.email, 5);
  expect(await signInAnswer(page, limited.email, limited.password)).toMatch(SLOWED);
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();

  // Another email, from the same browser: one wrong password is just wrong, the right one works.
  expect(await signInAnswer(page, other.email, "wrong-password")).toBe(WRONG);
  await signIn(page, other.email, other.password);
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.context().close();
});
