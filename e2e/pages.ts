// Every page of the app and how a browser test visits it, derived from `app/**/page.tsx`.
// `uncoveredPages()` fails loudly when a new page.tsx appears that this table doesn't know, so the
// accessibility check (and any other spec that walks every page) can't forget it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { US_NAME, issueCard, sandboxStripe } from "./admin-helpers";
import { signIn } from "./helpers";

export type DemoUser =
  "owner@us.test" | "owner@mx.test" | "owner@uk.test" | "admin@platform.test" | "cardholder@us.test";
export const DEMO_USERS: DemoUser[] = [
  "owner@us.test",
  "owner@mx.test",
  "owner@uk.test",
  "admin@platform.test",
  "cardholder@us.test",
];

export interface PageVisit {
  /** A short human name, e.g. "US owner: card detail". */
  name: string;
  /** Who is signed in: a demo user, or nobody. */
  as: DemoUser | null;
  /** The URL to open, or how to find it with a page signed in as `as` (dynamic segments). */
  path: string | ((page: Page) => Promise<string>);
  /** The path the page ends on when the route only redirects (e.g. `/` → `/sign-in`). */
  landsOn?: RegExp;
}

export interface PageRoute {
  /** The route as Next.js serves it, route groups stripped: `/cards/[id]`. */
  route: string;
  /** Ways to visit it (one per user or meaningful variant); at least one. */
  visits: PageVisit[];
}

// Browser tests run from the repository root (`npm run test:e2e`, playwright.config.ts).
const appDir = path.resolve(process.cwd(), "app");

/** The routes of every `app/**\/page.tsx`, route groups such as `(auth)` stripped. */
export function appRoutes(): Array<{ route: string; file: string }> {
  const out: Array<{ route: string; file: string }> = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue; // private folders, parallel slots
        const isGroup = /^\(.+\)$/.test(entry.name);
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (
        entry.name === "page.tsx" ||
        entry.name === "page.ts" ||
        entry.name === "page.jsx" ||
        entry.name === "page.js"
      ) {
        out.push({
          route: "/" + segments.join("/"),
          file: path.relative(path.dirname(appDir), path.join(dir, entry.name)),
        });
      }
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** The first link in `scope` whose href matches, after opening `from`. */
async function firstLink(page: Page, from: string, scope: string, href: RegExp): Promise<string> {
  await page.goto(from);
  const links = page.locator(`${scope} a[href]`);
  await expect(links.first()).toBeVisible();
  for (const h of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
    if (href.test(h)) return h;
  }
  throw new Error(`no link matching ${href} on ${from}`);
}

/**
 * A card of Acme (the US demo business): the first one listed on /cards. When no test has made one
 * yet, one virtual card is issued through the sandbox, as the business's own integration would.
 */
export async function acmeCardPath(page: Page): Promise<string> {
  await page.goto("/cards");
  const existing = page.locator('[data-testid="card-links"] a[href^="/cards/ic_"]');
  if ((await existing.count()) === 0) {
    const stripe = sandboxStripe();
    const accounts = await stripe.accounts.list({ limit: 100 });
    const acme = accounts.data.find((a) => a.business_profile?.name === US_NAME || a.company?.name === US_NAME);
    if (!acme) throw new Error("Acme's connected account was not found in the sandbox");
    await issueCard(stripe, acme.id, "treasury");
    // The card reaches our read model through its webhook.
    await expect(async () => {
      await page.reload();
      await expect(existing.first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  }
  return (await existing.first().getAttribute("href")) ?? "";
}

/** Acme's connected account, from the sandbox. */
async function acmeAccountId(): Promise<string> {
  const accounts = await sandboxStripe().accounts.list({ limit: 100 });
  const acme = accounts.data.find((a) => a.business_profile?.name === US_NAME || a.company?.name === US_NAME);
  if (!acme) throw new Error("Acme's connected account was not found in the sandbox");
  return acme.id;
}

/** A captured purchase on one of Acme's cards, made through the sandbox; its page once it reaches the read model. */
async function purchasePage(page: Page, cardId: string, pathOf: (id: string) => string): Promise<string> {
  const stripe = sandboxStripe();
  const opts = { stripeAccount: await acmeAccountId() };
  const auth = await stripe.testHelpers.issuing.authorizations.create(
    {
      card: cardId,
      amount: 1_250,
      merchant_data: { name: "Pages Stationery", category: "stationery_stores_office_and_school_supply_stores" },
    },
    opts,
  );
  if (auth.approved) await stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
  const path = pathOf(auth.id);
  await expect(async () => {
    expect((await page.goto(path))?.status()).toBe(200);
  }).toPass({ timeout: 20_000 });
  return path;
}

/** A purchase on an Acme card, as the business's purchase page shows it. */
async function acmePurchasePath(page: Page): Promise<string> {
  const card = (await acmeCardPath(page)).split("/").pop()!;
  return purchasePage(page, card, (id) => `/purchases/${id}`);
}

/** A purchase on the demo cardholder's own card, as their purchase page shows it. */
async function myPurchasePath(page: Page): Promise<string> {
  await page.goto("/my-cards");
  const card = await page.getByTestId("my-cards").getByTestId("my-card").first().getAttribute("data-card");
  if (!card) throw new Error("the demo cardholder has no current card");
  return purchasePage(page, card, (id) => `/my-cards/purchases/${id}`);
}

const INVALID_TOKEN = "not-a-real-invitation-token-0000000000000000";

/** The table: every route and how to visit it. Keep it in step with `app/`; the coverage check enforces it. */
export const PAGES: PageRoute[] = [
  {
    route: "/",
    visits: [
      { name: "root, signed out (→ sign-in)", as: null, path: "/", landsOn: /\/sign-in$/ },
      { name: "root, US owner (→ dashboard)", as: "owner@us.test", path: "/", landsOn: /\/dashboard$/ },
      { name: "root, cardholder (→ my cards)", as: "cardholder@us.test", path: "/", landsOn: /\/my-cards$/ },
    ],
  },
  { route: "/sign-in", visits: [{ name: "sign-in", as: null, path: "/sign-in" }] },
  { route: "/sign-up", visits: [{ name: "sign-up", as: null, path: "/sign-up" }] },
  { route: "/forgot-password", visits: [{ name: "forgot password", as: null, path: "/forgot-password" }] },
  {
    route: "/reset-password/[token]",
    visits: [{ name: "reset password, link no longer works", as: null, path: `/reset-password/${INVALID_TOKEN}` }],
  },
  {
    route: "/sign-in/verify",
    // Without a pending sign-in (the password first) it sends to sign-in; e2e/two-factor.spec.ts uses the form.
    visits: [{ name: "two-factor code, no pending sign-in", as: null, path: "/sign-in/verify", landsOn: /\/sign-in$/ }],
  },
  {
    route: "/account/two-factor",
    visits: [{ name: "US owner: set up two-factor sign-in", as: "owner@us.test", path: "/account/two-factor" }],
  },
  {
    route: "/admin-invite/[token]",
    visits: [{ name: "admin invitation, invalid token", as: "owner@mx.test", path: `/admin-invite/${INVALID_TOKEN}` }],
  },
  {
    route: "/invite/[token]",
    visits: [{ name: "business invitation, invalid token", as: "owner@mx.test", path: `/invite/${INVALID_TOKEN}` }],
  },
  {
    route: "/dashboard",
    visits: [
      { name: "US owner: dashboard", as: "owner@us.test", path: "/dashboard" },
      { name: "MX owner: dashboard", as: "owner@mx.test", path: "/dashboard" },
      { name: "UK owner: dashboard", as: "owner@uk.test", path: "/dashboard" },
    ],
  },
  { route: "/money", visits: [{ name: "US owner: money", as: "owner@us.test", path: "/money" }] },
  { route: "/balance", visits: [{ name: "UK owner: Issuing balance", as: "owner@uk.test", path: "/balance" }] },
  {
    route: "/cards",
    visits: [
      { name: "US owner: cards", as: "owner@us.test", path: "/cards" },
      { name: "MX owner: cards", as: "owner@mx.test", path: "/cards" },
    ],
  },
  { route: "/cards/[id]", visits: [{ name: "US owner: card detail", as: "owner@us.test", path: acmeCardPath }] },
  { route: "/wallet", visits: [{ name: "MX owner: wallet", as: "owner@mx.test", path: "/wallet" }] },
  { route: "/payouts", visits: [{ name: "MX owner: payouts", as: "owner@mx.test", path: "/payouts" }] },
  { route: "/my-cards", visits: [{ name: "cardholder: my cards", as: "cardholder@us.test", path: "/my-cards" }] },
  { route: "/team", visits: [{ name: "US owner: team", as: "owner@us.test", path: "/team" }] },
  { route: "/activity", visits: [{ name: "US owner: activity", as: "owner@us.test", path: "/activity" }] },
  { route: "/purchases", visits: [{ name: "US owner: purchases", as: "owner@us.test", path: "/purchases" }] },
  {
    route: "/purchases/categories",
    visits: [{ name: "US owner: expense categories", as: "owner@us.test", path: "/purchases/categories" }],
  },
  { route: "/disputes", visits: [{ name: "US owner: disputes", as: "owner@us.test", path: "/disputes" }] },
  { route: "/requests", visits: [{ name: "US owner: card requests", as: "owner@us.test", path: "/requests" }] },
  {
    route: "/notifications",
    visits: [
      { name: "US owner: notifications", as: "owner@us.test", path: "/notifications" },
      { name: "cardholder: notifications", as: "cardholder@us.test", path: "/notifications" },
    ],
  },
  { route: "/receipts", visits: [{ name: "US owner: receipts", as: "owner@us.test", path: "/receipts" }] },
  {
    route: "/purchases/[id]",
    visits: [{ name: "US owner: purchase", as: "owner@us.test", path: acmePurchasePath }],
  },
  {
    route: "/my-cards/purchases/[id]",
    visits: [{ name: "cardholder: own purchase", as: "cardholder@us.test", path: myPurchasePath }],
  },
  {
    route: "/account",
    visits: [
      { name: "US owner: account security", as: "owner@us.test", path: "/account" },
      { name: "admin: account security", as: "admin@platform.test", path: "/account" },
    ],
  },
  {
    route: "/account/sessions",
    visits: [{ name: "US owner: sessions", as: "owner@us.test", path: "/account/sessions" }],
  },
  {
    route: "/sandbox-tools",
    visits: [{ name: "US owner: sandbox tools", as: "owner@us.test", path: "/sandbox-tools" }],
  },
  // A business already exists for every demo owner, so /onboarding sends them home; the form itself
  // is seen by a brand-new user (the accessibility spec signs one up for it).
  {
    route: "/onboarding",
    visits: [
      {
        name: "onboarding, existing business (→ dashboard)",
        as: "owner@us.test",
        path: "/onboarding",
        landsOn: /\/dashboard$/,
      },
    ],
  },
  // Only a redirect (Stripe's hosted onboarding returns here): refreshes state, then home.
  {
    route: "/onboarding/return",
    visits: [
      {
        name: "onboarding return (→ dashboard)",
        as: "owner@mx.test",
        path: "/onboarding/return",
        landsOn: /\/dashboard$/,
      },
    ],
  },
  { route: "/admin", visits: [{ name: "admin: overview", as: "admin@platform.test", path: "/admin" }] },
  {
    route: "/admin/accounts",
    visits: [{ name: "admin: accounts", as: "admin@platform.test", path: "/admin/accounts" }],
  },
  {
    route: "/admin/accounts/[id]",
    visits: [
      {
        name: "admin: account review (first row)",
        as: "admin@platform.test",
        path: (page) => firstLink(page, "/admin/accounts", "table", /^\/admin\/accounts\/[^/?]+$/),
      },
    ],
  },
  { route: "/admin/admins", visits: [{ name: "admin: admins", as: "admin@platform.test", path: "/admin/admins" }] },
  {
    route: "/admin/analytics",
    visits: [{ name: "admin: analytics", as: "admin@platform.test", path: "/admin/analytics" }],
  },
  { route: "/admin/events", visits: [{ name: "admin: events", as: "admin@platform.test", path: "/admin/events" }] },
  {
    route: "/admin/disputes",
    visits: [{ name: "admin: disputes", as: "admin@platform.test", path: "/admin/disputes" }],
  },
  {
    route: "/admin/events/[id]",
    visits: [
      {
        name: "admin: event detail (first row)",
        as: "admin@platform.test",
        path: (page) => firstLink(page, "/admin/events", "table", /^\/admin\/events\/[^/?]+$/),
      },
    ],
  },
  { route: "/admin/rules", visits: [{ name: "admin: rules", as: "admin@platform.test", path: "/admin/rules" }] },
  {
    route: "/admin/treasury",
    visits: [{ name: "admin: treasury", as: "admin@platform.test", path: "/admin/treasury" }],
  },
];

/** Routes with a page.tsx that `PAGES` doesn't cover (should be empty), and table rows with no page. */
export function coverageGaps(): { uncovered: string[]; stale: string[] } {
  const actual = appRoutes().map((r) => r.route);
  const listed = PAGES.filter((p) => p.visits.length > 0).map((p) => p.route);
  return { uncovered: actual.filter((r) => !listed.includes(r)), stale: listed.filter((r) => !actual.includes(r)) };
}

/** Every visit, flattened, in table order. */
export function allVisits(): Array<PageVisit & { route: string }> {
  return PAGES.flatMap((p) => p.visits.map((v) => ({ ...v, route: p.route })));
}

/** Signs a demo user in on a page, or in a context (through a page it opens and closes). */
export async function signInAs(target: Page | BrowserContext, email: string, password?: string): Promise<void> {
  const isPage = "goto" in target;
  const page = isPage ? target : await target.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(email === "admin@platform.test" ? /\/admin$/ : /\/(dashboard|onboarding|my-cards)$/);
  if (!isPage) await page.close();
}
