import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import type { BusinessRole } from "../lib/auth/permissions";
import { errorCode, isOk, type Actor } from "./security/client";
import { actionIds, buildWorld, mintCardNonce, type World } from "./security/fixtures";
import { settledFingerprint } from "./security/fingerprint";
import { inventory } from "./security/inventory";
import { ACTIONS, ROUTES, type ActionEntry, type Fields } from "./security/matrix";
import { encodeArgs } from "./security/rsc";
import { uniqueEmail } from "./helpers";
import {
  callEntry,
  callRoute,
  describe,
  expectedForRole,
  expectNoServerError,
  expectRefused,
  isSignInRedirect,
  leaks,
  pool,
  type Call,
} from "./security/sweep";

// The tenant and role matrix (issue 10): every server action and route handler, read from the
// code, tried by people who must not use it on a victim business's ids: signed out, the member,
// admin and owner of another business, and business users against the admin surfaces. Each is
// refused, nothing of the victim's comes back, and the victim's state is the same afterwards.

test.describe.configure({ mode: "serial" });

const actionEntries = Object.entries(ACTIONS);
/** What the shared signed-in actors call: all but what would end every one of their sessions. */
const survivable = actionEntries.filter(([, e]) => !e.endsEverySession);
const routeEntries = Object.entries(ROUTES);
/** Stripe's receivers: each refuses whatever is not signed with its own secret. */
const WEBHOOK_ROUTES = routeEntries.filter(([, e]) => e.access.who === "signed-webhook").map(([key]) => key);

/** `E2E_SECURITY_VERBOSE=1` prints every call and its answer. */
function log(calls: Call[]): void {
  if (process.env.E2E_SECURITY_VERBOSE) for (const c of calls) console.log(describe(c));
}

/** The business an actor's browser asks to work in (`ic_business`), if any. */
async function businessCookie(actor: Actor): Promise<string | null> {
  return (await actor.ctx.storageState()).cookies.find((c) => c.name === "ic_business")?.value ?? null;
}

function expectNoLeak(c: Call, world: World): void {
  expect(leaks(c, world.victim), `the victim's data came back: ${describe(c)}`).toEqual([]);
}

test("every server action and route handler in the code is in the matrix, and the matrix names nothing else", () => {
  const code = inventory();
  expect(
    Object.keys(ACTIONS).sort(),
    'server actions (`<file>#<export>` of every "use server" file) vs e2e/security/matrix.ts',
  ).toEqual(code.actions);
  expect(
    Object.keys(ROUTES).sort(),
    "route handlers (`<METHOD> <path>` of every app/**/route.ts) vs e2e/security/matrix.ts",
  ).toEqual(code.routes);
  // The build under test has an id for each, so the sweeps below reach every one.
  expect([...actionIds().keys()].sort()).toEqual(code.actions);
  expect(WEBHOOK_ROUTES.sort()).toEqual([
    "POST /api/webhooks/stripe/authorizations",
    "POST /api/webhooks/stripe/snapshot",
    "POST /api/webhooks/stripe/thin",
  ]);
});

test("the invoker encodes arguments exactly as React's client does", async () => {
  const require = createRequire(import.meta.url);
  const client = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
    encodeReply: (v: unknown) => Promise<string | FormData>;
  };
  const form = new FormData();
  form.append("email", "a@b.test");
  form.append("tags", "x");
  form.append("tags", "$y");
  const fromReact = await client.encodeReply([{}, form]);
  expect(fromReact).toBeInstanceOf(FormData);
  const ours = encodeArgs([{}, { form: { email: "a@b.test", tags: ["x", "$y"] } }]);
  expect(ours.contentType).toBe("multipart");
  expect(ours.contentType === "multipart" ? ours.multipart : []).toEqual([...(fromReact as FormData).entries()]);
  const plain = { card: "ic_1", nonce: "$n", n: 1, list: ["a"] };
  expect(encodeArgs([plain])).toEqual({
    contentType: "text/plain;charset=UTF-8",
    body: await client.encodeReply([plain]),
  });
});

test.describe("against a victim business", () => {
  let world: World;
  let before: Record<string, unknown>;

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    world = await buildWorld(browser, baseURL!);
    before = await settledFingerprint(browser, world.victim, world.admin);
  });

  test("signed out: every action but signing in and up, and every protected route, sends to sign-in or refuses; nothing comes back", async () => {
    const v = world.victim;
    const calls = await pool(actionEntries, 4, ([key, entry]) => callEntry(world.signedOut, key, entry, v));
    log(calls);
    for (const c of calls) {
      const entry = ACTIONS[c.key]!;
      expectNoServerError(c);
      expectNoLeak(c, world);
      if (entry.answersAlike) {
        const stranger = await callEntry(world.signedOut, c.key, entry, v, {
          ...entry.sample(v),
          email: uniqueEmail("sec-stranger"),
        });
        expect(c.answer.result, `the victim's answer differs from a stranger's: ${describe(c)}`).toEqual(
          stranger.answer.result,
        );
      } else if (entry.access.who === "anyone")
        expectRefused(c, ["invalid_credentials", "account_throttled", "network_blocked", "validation_failed"]);
      else
        expect(
          isSignInRedirect(c.answer) || errorCode(c.answer.result) === "unauthenticated",
          `not sent to sign-in: ${describe(c)}`,
        ).toBe(true);
    }
    const routes = await pool(routeEntries, 4, ([key, entry]) => callRoute(world.signedOut, key, entry, v));
    for (const c of routes) {
      expectNoServerError(c);
      expectNoLeak(c, world);
    }
    const byKey = Object.fromEntries(routes.map((c) => [c.key, c.answer]));
    expect(byKey["GET /api/admin/analytics"]!.status).toBe(401);
    expect(isSignInRedirect(byKey["GET /onboarding/refresh"]!)).toBe(true);
    expect(isSignInRedirect(byKey["GET /wallet/export"]!)).toBe(true);
    // API routes are outside the proxy's sign-in redirect: the route itself answers 401.
    expect(byKey["GET /api/money/version"]!.status).toBe(401);
    for (const receiver of WEBHOOK_ROUTES) expect(byKey[receiver]!.status, receiver).toBe(400);
    expect(byKey["GET /api/auth/[...nextauth]"]!.body.trim()).toBe("null");
    // The credentials callback without the password did not sign anyone in.
    expect((await world.signedOut.get("/api/auth/session")).body.trim()).toBe("null");
    console.log(`signed out: ${calls.length} actions, ${routes.length} routes`);
  });

  for (const role of ["member", "admin", "owner"] as const satisfies readonly BusinessRole[]) {
    test(`the ${role} of another business is refused every business action on the victim's ids and gets nothing of the victim's`, async () => {
      const v = world.victim;
      const actor = world.attackers[role];
      const entries = survivable.filter(
        ([, e]) => e.access.who === "business" || e.access.who === "self" || e.access.who === "anyone",
      );
      const calls = await pool(entries, 4, ([key, entry]) => callEntry(actor, key, entry, v));
      log([...calls]);
      const tally: Record<string, number> = {};
      for (const c of calls) {
        const entry: ActionEntry = ACTIONS[c.key]!;
        expectNoServerError(c);
        expectNoLeak(c, world);
        let expected: string;
        if (entry.access.who === "business") {
          expected = expectedForRole(entry, role);
          if (expected === "forbidden")
            expect(errorCode(c.answer.result), `a ${role} lacks ${entry.access.permission}: ${describe(c)}`).toBe(
              "forbidden",
            );
          else if (expected === "refused") expectRefused(c, ["forbidden", "not_found", "validation_failed"]);
        } else if (entry.access.who === "anyone") {
          // Signed in, the sign-in and sign-up pages send the user home before any action runs.
          expected = "redirect home";
          expect(c.answer.status >= 300 && c.answer.status < 400 && !isSignInRedirect(c.answer), describe(c)).toBe(
            true,
          );
        } else if (entry.ownSession) {
          expected = "own session";
        } else if (entry.ownRow) {
          // Their own email choices: theirs to change, and the victim's stay as they were.
          expected = "own row";
          expect(isOk(c.answer.result), describe(c)).toBe(true);
        } else {
          // Accepting the victim's invitations (meant for other emails) or creating a second business.
          expected = "refused";
          expectRefused(c, ["forbidden", "not_found", "validation_failed"]);
        }
        tally[expected] = (tally[expected] ?? 0) + 1;
      }
      const routes = await pool(
        routeEntries.filter(([, e]) => e.access.who !== "platform"),
        4,
        ([key, entry]) => callRoute(actor, key, entry, v),
      );
      for (const c of routes) {
        expectNoServerError(c);
        expectNoLeak(c, world);
      }
      const byKey = Object.fromEntries(routes.map((c) => [c.key, c.answer]));
      for (const receiver of WEBHOOK_ROUTES) expect(byKey[receiver]!.status, receiver).toBe(400);
      const refresh = byKey["GET /onboarding/refresh"]!;
      expect(refresh.status).toBe(307);
      if (role !== "owner") expect(new URL(refresh.location!, world.baseURL).pathname).toBe("/dashboard");
      else expect(refresh.location).toContain(world.attackers.accountId);
      // Auth.js's session is still the actor's own: the credentials post did not switch it to the victim.
      expect(JSON.parse((await actor.get("/api/auth/session")).body).user.email).toBe(actor.email);
      console.log(`${role} of B: ${calls.length} actions (${JSON.stringify(tally)}), ${routes.length} routes`);
    });
  }

  test("switching to the victim's business is refused to everyone not in it: no business cookie is set, and they still work in their own", async () => {
    const v = world.victim;
    const key = "app/(auth)/actions.ts#switchBusinessAction";
    const { attackers } = world;
    for (const actor of [attackers.owner, attackers.admin, attackers.member, attackers.cardholder]) {
      const cookieBefore = await businessCookie(actor);
      const c = await callEntry(actor, key, ACTIONS[key]!, v);
      expectNoServerError(c);
      expect(errorCode(c.answer.result), describe(c)).toBe("not_found");
      expect(c.answer.actionRedirect, describe(c)).toBeNull();
      expect(await businessCookie(actor), `${actor.name}'s business cookie changed`).toBe(cookieBefore);
      const home = await actor.get(actor === attackers.cardholder ? "/my-cards" : "/dashboard");
      expect(home.status, `${actor.name}'s home`).toBe(200);
      expect(home.body, `${actor.name}'s home names the victim`).not.toContain(v.legalName);
      expect((await actor.get("/cards")).body, `${actor.name}'s cards`).not.toContain(v.cardId);
    }
  });

  test("the victim's own member is refused everything its role lacks", async () => {
    const v = world.victim;
    const entries = actionEntries.filter(
      ([, e]) => e.access.who === "business" && expectedForRole(e, "member") === "forbidden",
    );
    const calls = await pool(entries, 4, ([key, entry]) => callEntry(v.member, key, entry, v));
    for (const c of calls) {
      expectNoServerError(c);
      expect(errorCode(c.answer.result), describe(c)).toBe("forbidden");
    }
    expect(calls.length).toBeGreaterThan(15);
  });

  test("cardholders (another business's, and another of the victim's own) are refused every business action, the victim's card and every business page", async () => {
    const v = world.victim;
    const businessEntries = survivable.filter(([, e]) => e.access.who === "business");
    for (const actor of [world.attackers.cardholder, v.otherCardholder]) {
      const calls = await pool(businessEntries, 4, ([key, entry]) => callEntry(actor, key, entry, v));
      log(calls);
      for (const c of calls) {
        const entry = ACTIONS[c.key]!;
        expectNoServerError(c);
        if (actor === world.attackers.cardholder) expectNoLeak(c, world);
        if (expectedForRole(entry, "cardholder") === "forbidden")
          expect(errorCode(c.answer.result), `a cardholder lacks it: ${describe(c)}`).toBe("forbidden");
        // Their own cards only: the victim's card is another cardholder's.
        else expectRefused(c, ["not_found"]);
      }
      for (const path of [
        "/dashboard",
        "/cards",
        `/cards/${v.cardId}`,
        "/team",
        "/money",
        "/activity",
        "/sandbox-tools",
        "/receipts",
        `/purchases/${v.authorizationId}`,
      ]) {
        const page = await actor.get(path);
        expect(page.status, `${actor.name} GET ${path}`).toBe(403);
        // Only what the request itself named (the card id in the path) comes back to another business's cardholder.
        if (actor === world.attackers.cardholder)
          expect(
            v.secrets.filter((secret) => !path.includes(secret) && page.body.includes(secret)),
            `${actor.name} GET ${path}`,
          ).toEqual([]);
      }
      // Nor may they watch the business's money move.
      expect((await actor.get("/api/money/version")).status, `${actor.name} GET /api/money/version`).toBe(403);
      // Another cardholder's purchase looks missing on their own purchase page, and its receipt too.
      for (const path of [`/my-cards/purchases/${v.authorizationId}`, `/api/receipts/${v.authorizationId}`])
        expect((await actor.get(path)).status, `${actor.name} GET ${path}`).toBe(404);
      const mine = await actor.get("/my-cards");
      expect(mine.status, `${actor.name} GET /my-cards`).toBe(200);
      expect(mine.body).not.toContain(v.cardId);
      if (actor === world.attackers.cardholder)
        expect(v.secrets.filter((secret) => mine.body.includes(secret))).toEqual([]);
      console.log(`${actor.name}: ${calls.length} business actions refused`);
    }
  });

  test("owners, admins and members (the victim's own too) are refused the cardholder's own actions and pages", async () => {
    const v = world.victim;
    const own = actionEntries.filter(([, e]) => e.access.who === "business" && e.access.permission === "cards.own");
    expect(own.length).toBe(5);
    const actors: Actor[] = [v.owner, v.member, world.attackers.owner, world.attackers.admin, world.attackers.member];
    const jobs = actors.flatMap((actor) => own.map(([key, entry]) => ({ actor, key, entry })));
    const calls = await pool(jobs, 4, ({ actor, key, entry }) => callEntry(actor, key, entry, v));
    for (const c of calls) {
      expectNoServerError(c);
      expect(errorCode(c.answer.result), describe(c)).toBe("forbidden");
    }
    for (const actor of actors) expect((await actor.get("/my-cards")).status, actor.name).toBe(403);
    // The victim's cardholder sees their card, and only theirs, and their own purchase's page.
    const mine = await v.cardholder.get("/my-cards");
    expect(mine.status).toBe(200);
    expect(mine.body).toContain(v.cardId);
    expect((await v.cardholder.get(`/my-cards/purchases/${v.authorizationId}`)).status).toBe(200);
    for (const actor of actors)
      expect((await actor.get(`/my-cards/purchases/${v.authorizationId}`)).status, actor.name).toBe(403);
  });

  test("business users (the victim's own owner and another business's) are refused every platform action and admin surface", async () => {
    const v = world.victim;
    const actors: Actor[] = [v.owner, world.attackers.owner, world.attackers.admin, world.attackers.member];
    const platformActions = actionEntries.filter(([, e]) => e.access.who === "platform");
    const jobs = actors.flatMap((actor) => platformActions.map(([key, entry]) => ({ actor, key, entry })));
    const calls = await pool(jobs, 4, ({ actor, key, entry }) => callEntry(actor, key, entry, v));
    log(calls);
    for (const c of calls) {
      expectNoServerError(c);
      if (c.actor !== v.owner.name) expectNoLeak(c, world);
      expectRefused(c, ["unauthenticated", "forbidden"]);
    }
    for (const actor of actors) {
      const analytics = await callRoute(actor, "GET /api/admin/analytics", ROUTES["GET /api/admin/analytics"]!, v);
      expect(analytics.answer.status, describe(analytics)).toBe(403);
      for (const path of [
        "/admin",
        `/admin/accounts/${v.businessId}`,
        "/admin/treasury",
        "/admin/events",
        "/admin/rules",
        "/admin/analytics",
        "/admin/admins",
      ]) {
        const page = await actor.get(path);
        expect(page.status, `${actor.name} GET ${path}`).toBeLessThan(500);
        if (actor !== v.owner)
          expect(
            v.secrets.filter((s) => s !== v.businessId && page.body.includes(s)),
            `${actor.name} GET ${path}`,
          ).toEqual([]);
        expect(page.body, `${actor.name} GET ${path}`).not.toContain("Freeze all cards");
      }
    }
    expect(calls.length).toBe(actors.length * platformActions.length);
  });

  test("nothing of the victim's changed, and the same calls succeed for the victim's own people (the ids were real)", async ({
    browser,
  }) => {
    // Four or more fingerprints (six page loads each): ~70 s on a quiet 2-core machine.
    test.setTimeout(240_000);
    const after = await settledFingerprint(browser, world.victim, world.admin);
    expect(after).toEqual(before);

    const v = world.victim;
    const ok = async (actor: Actor, key: string, fields?: Fields) => {
      const c = await callEntry(actor, key, ACTIONS[key]!, v, fields);
      expect(
        (c.answer.result !== undefined && isOk(c.answer.result)) || c.answer.actionRedirect !== null,
        `positive control: ${describe(c)}`,
      ).toBe(true);
      return c;
    };
    // Card keys take a nonce Stripe.js minted for the card (the samples' made-up one is refused by Stripe).
    await ok(v.owner, "app/(business)/connect-actions.ts#createIssuingEphemeralKey", {
      issuingCard: v.cardId,
      nonce: await mintCardNonce(v.cardId),
    });
    await ok(v.cardholder, "app/(cardholder)/my-cards/actions.ts#revealOwnCardAction", {
      issuingCard: v.cardId,
      nonce: await mintCardNonce(v.cardId),
    });
    await ok(v.owner, "app/(business)/cards/actions.ts#setWalletTokenStatusAction");
    await ok(v.owner, "app/(business)/sandbox-tools/actions.ts#addToWalletAction");
    await ok(v.owner, "app/(business)/sandbox-tools/actions.ts#simulatePurchaseAction");
    await ok(v.owner, "app/(business)/sandbox-tools/actions.ts#captureAction");
    await ok(v.owner, "app/(business)/sandbox-tools/actions.ts#completeInboundAction");
    await ok(v.owner, "app/(business)/money/actions.ts#moveMoneyInAction");
    await ok(v.owner, "app/(business)/team/actions.ts#revokeInviteAction");
    await ok(v.owner, "app/(business)/team/actions.ts#changeRoleAction");
    await ok(v.owner, "app/(business)/team/actions.ts#removeMemberAction");
    // Before the admin's freeze of every card: the cardholder's own freeze, then unfreeze.
    await ok(v.cardholder, "app/(cardholder)/my-cards/actions.ts#freezeOwnCardAction");
    await ok(v.cardholder, "app/(cardholder)/my-cards/actions.ts#unfreezeOwnCardAction");
    await ok(world.admin, "app/(platform)/admin/accounts/[id]/actions.ts#freezeAction");
    await ok(world.admin, "app/(platform)/admin/accounts/[id]/actions.ts#onboardingLinkAction");
    await ok(world.admin, "app/(platform)/admin/rules/actions.ts#previewRulesAction");
    await ok(world.admin, "app/(platform)/admin/treasury/actions.ts#revealAction");
    await ok(v.owner, "app/(business)/team/actions.ts#inviteCardholderAction");
    // The victim's owner may pick their own business: it becomes the one their session works in.
    const switched = await ok(v.owner, "app/(auth)/actions.ts#switchBusinessAction");
    expect(switched.answer.actionRedirect).toBe("/dashboard");
    expect(await businessCookie(v.owner)).toBe(v.businessId);
    // The remembered device every other caller was refused is its holder's to forget.
    await ok(v.deviceHolder, "app/(account)/account/two-factor/actions.ts#revokeDeviceAction");
    // The Issuing balance's payout: the victim (US) has none, so its owner is refused before the
    // amount is read; a UK owner pays 1.00 GBP out of their own balance.
    const payout = await ok(world.uk.owner, "app/(business)/balance/actions.ts#payOutAction");
    expect((payout.answer.result as { data?: { amount?: number; currency?: string } }).data).toMatchObject({
      amount: 100,
      currency: "gbp",
    });
    // The purchase filed under the victim's category and approved; the category renamed, then archived
    // (a category in use can't be deleted, so delete's positive control is the unit tests').
    await ok(v.owner, "app/(business)/purchases/actions.ts#notePurchaseAction");
    await ok(v.owner, "app/(business)/purchases/actions.ts#reviewPurchaseAction");
    await ok(v.owner, "app/(business)/purchases/actions.ts#renameCategoryAction");
    await ok(v.owner, "app/(business)/purchases/actions.ts#archiveCategoryAction");
    // Last: it cancels the victim's card (as stolen) and issues its replacement.
    await ok(v.cardholder, "app/(cardholder)/my-cards/actions.ts#reportCardAction");
    const events = await callEntry(
      world.admin,
      "app/(platform)/admin/events/actions.ts#replayAction",
      ACTIONS["app/(platform)/admin/events/actions.ts#replayAction"]!,
      v,
    );
    expectNoServerError(events);
    const changed = await settledFingerprint(browser, world.victim, world.admin);
    expect(changed).not.toEqual(before);
  });
});
