import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import type { DbOrTx } from "@/db/connect";
import { checkCredentials, signUpUser } from "./accounts";
import { knownBrowserCookie, knownBrowserFor } from "./known-browser";
import { signUpSchema } from "./schemas";
import { emailDelayMs, MAX_EMAIL_DELAY_MS, SIGN_IN_WINDOW_MS } from "./sign-in-throttle";

const PASSWORD = "the-right-password";
const HOME = "198.51.100.7";
type Clock = { t: number };

test("three failures are free, then each doubles the wait, capped at 30 s", () => {
  const waits = Array.from({ length: 12 }, (_, n) => emailDelayMs(n));
  assert.deepEqual(waits, [0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

async function newUser(db: DbOrTx, email: string): Promise<void> {
  assert.ok((await signUpUser(db, signUpSchema.parse({ name: "Vic Tim", email, password: PASSWORD }))).ok);
}

/** `n` wrong guesses, 100 ms apart, waiting out each slowdown as a patient attacker would; the answers' codes. */
async function guess(db: DbOrTx, email: string, address: string, n: number, clock: Clock): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    clock.t += 100;
    const r = await checkCredentials(db, email, `guess-${i}`, address, new Date(clock.t));
    codes.push(r.ok ? "ok" : r.code);
    if (!r.ok && r.code === "account_throttled") clock.t += r.retryAfterMs;
  }
  return codes;
}

/** The user signs in with the right password, waiting once if told to; how long they waited. */
async function signsInAfter(db: DbOrTx, email: string, address: string, clock: Clock): Promise<number> {
  const first = await checkCredentials(db, email, PASSWORD, address, new Date(clock.t));
  if (first.ok) return 0;
  assert.equal(first.code, "account_throttled", "the user is slowed, never blocked");
  assert.ok("retryAfterMs" in first);
  clock.t += first.retryAfterMs;
  assert.equal((await checkCredentials(db, email, PASSWORD, address, new Date(clock.t))).ok, true);
  return first.retryAfterMs;
}

const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describeEachDatabase("sign-in throttle", (database) => {
  test("an attempt inside the wait checks no password and is not counted", async () => {
    const { db } = database();
    await newUser(db, "wait@example.test");
    const clock = { t: Date.parse("2030-01-01T00:00:00Z") };
    assert.deepEqual(await guess(db, "wait@example.test", HOME, 4, clock), Array(4).fill("invalid_credentials"));
    const inside = await checkCredentials(db, "wait@example.test", PASSWORD, HOME, new Date(clock.t + 400));
    assert.deepEqual(inside, { ok: false, code: "account_throttled", retryAfterMs: 600 });
    // Not counted: a wrong guess after the 1 s wait is the fifth failure, whose wait is 2 s.
    clock.t += 1000;
    assert.deepEqual(await guess(db, "wait@example.test", HOME, 1, clock), ["invalid_credentials"]);
    const next = await checkCredentials(db, "wait@example.test", PASSWORD, HOME, new Date(clock.t));
    assert.deepEqual(next, { ok: false, code: "account_throttled", retryAfterMs: 2000 });
  });

  test("50 guesses for one email from one address are slowed, then blocked; the user still signs in from home", async () => {
    const { db } = database();
    await newUser(db, "brute@example.test");
    const clock = { t: Date.parse("2030-02-01T00:00:00Z") };
    const start = clock.t;
    const codes = await guess(db, "brute@example.test", "203.0.113.9", 50, clock);
    assert.equal(count(codes, "invalid_credentials"), 10, "ten passwords checked in all");
    assert.ok(count(codes, "account_throttled") >= 6, "slowed before the block");
    const afterTenth = codes.slice(codes.lastIndexOf("invalid_credentials") + 1);
    assert.ok(afterTenth.length > 0 && afterTenth.every((c) => c === "network_blocked"), "then blocked");
    assert.ok(clock.t - start >= 61_000, "waited 1+2+4+8+16+30 s between the checks");
    const blocked = await checkCredentials(db, "brute@example.test", PASSWORD, "203.0.113.9", new Date(clock.t));
    assert.ok(!blocked.ok && blocked.code === "network_blocked" && blocked.retryAfterMs > 10 * 60_000);
    assert.ok((await signsInAfter(db, "brute@example.test", HOME, clock)) <= MAX_EMAIL_DELAY_MS);
  });

  test("strangers' failures from many addresses do not keep the user out beyond the capped delay", async () => {
    const { db } = database();
    await newUser(db, "popular@example.test");
    const clock = { t: Date.parse("2030-03-01T00:00:00Z") };
    for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"]) {
      await guess(db, "popular@example.test", address, 50, clock);
    }
    assert.ok((await signsInAfter(db, "popular@example.test", HOME, clock)) <= MAX_EMAIL_DELAY_MS);
  });

  test("a stranger guessing every 30 s from new addresses can't keep the user's known browser waiting; a new browser still waits", async () => {
    const { db } = database();
    const email = "steady@example.test";
    await newUser(db, email);
    const clock = { t: Date.parse("2030-03-15T00:00:00Z") };
    // Signed in from this browser before: it carries the known-browser cookie.
    const known = knownBrowserCookie(undefined, email, new Date(clock.t)).value;
    assert.equal((await checkCredentials(db, email, PASSWORD, HOME, new Date(clock.t), known)).ok, true);
    for (let i = 0; i < 12; i++) {
      clock.t += 30_000;
      const stranger = `203.0.113.${100 + i}`;
      const guessed = await checkCredentials(db, email, `guess-${i}`, stranger, new Date(clock.t));
      assert.equal(!guessed.ok && guessed.code, "invalid_credentials", "each guess is checked, 30 s apart");
      clock.t += 1;
      const unknown = await checkCredentials(db, email, PASSWORD, HOME, new Date(clock.t));
      if (i >= 3) assert.equal(!unknown.ok && unknown.code, "account_throttled", "an unknown browser waits");
      const mine = await checkCredentials(db, email, PASSWORD, HOME, new Date(clock.t), known);
      assert.equal(mine.ok, true, "the user's browser signs in at once");
    }
    // Another account's cookie, a forged one or an expired one is no exemption.
    const other = knownBrowserCookie(undefined, "someone-else@example.test", new Date(clock.t)).value;
    for (const cookie of [other, `${known.slice(0, -2)}xx`, "1~abc.def"]) {
      const refused = await checkCredentials(db, email, PASSWORD, HOME, new Date(clock.t), cookie);
      assert.equal(!refused.ok && refused.code, "account_throttled");
    }
    assert.equal(knownBrowserFor(known, email, new Date(clock.t + 181 * 24 * 60 * 60_000)), false, "it expires");
    // One cookie remembers several accounts, and forgets none by signing in to another.
    const both = knownBrowserCookie(known, "someone-else@example.test", new Date(clock.t)).value;
    assert.ok(knownBrowserFor(both, email, new Date(clock.t)) && knownBrowserFor(both, "Someone-Else@example.test"));
  });

  test("a known browser is still held to its own failures and to the address blocks", async () => {
    const { db } = database();
    const email = "own@example.test";
    await newUser(db, email);
    const clock = { t: Date.parse("2030-03-20T00:00:00Z") };
    const known = knownBrowserCookie(undefined, email, new Date(clock.t)).value;
    const mistakes: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.t += 100;
      const r = await checkCredentials(db, email, `typo-${i}`, HOME, new Date(clock.t), known);
      mistakes.push(r.ok ? "ok" : r.code);
    }
    assert.deepEqual(mistakes, [...Array(4).fill("invalid_credentials"), "account_throttled"], "its own typos slow it");
    const attacker = "203.0.113.200";
    for (let i = 0; i < 20; i++) await guess(db, `nobody-${i}@example.test`, attacker, 1, clock);
    clock.t += 100;
    const blocked = await checkCredentials(db, email, PASSWORD, attacker, new Date(clock.t), known);
    assert.equal(!blocked.ok && blocked.code, "network_blocked");
  });

  test("a blocked address cannot sign in to any account, and the user's success does not unblock it", async () => {
    const { db } = database();
    await newUser(db, "target@example.test");
    const clock = { t: Date.parse("2030-04-01T00:00:00Z") };
    const attacker = "203.0.113.66";
    for (let i = 0; i < 20; i++) {
      assert.deepEqual(await guess(db, `nobody-${i}@example.test`, attacker, 1, clock), ["invalid_credentials"]);
    }
    clock.t += 100;
    const refused = await checkCredentials(db, "target@example.test", PASSWORD, attacker, new Date(clock.t));
    assert.ok(!refused.ok && refused.code === "network_blocked", "even the right password, for another account");
    assert.ok(refused.retryAfterMs <= SIGN_IN_WINDOW_MS);
    assert.equal(await signsInAfter(db, "target@example.test", HOME, clock), 0);
    const still = await checkCredentials(db, "target@example.test", PASSWORD, attacker, new Date(clock.t));
    assert.equal(!still.ok && still.code, "network_blocked");
    // The block is short: once the failures leave the window the address may try again.
    clock.t += SIGN_IN_WINDOW_MS;
    assert.equal((await checkCredentials(db, "target@example.test", PASSWORD, attacker, new Date(clock.t))).ok, true);
  });

  test("a success clears the email's failures from that address only", async () => {
    const { db } = database();
    await newUser(db, "mixed@example.test");
    const clock = { t: Date.parse("2030-05-01T00:00:00Z") };
    await guess(db, "mixed@example.test", "203.0.113.77", 4, clock);
    clock.t += 10_000;
    await guess(db, "mixed@example.test", HOME, 1, clock);
    clock.t += 10_000;
    assert.equal(await signsInAfter(db, "mixed@example.test", HOME, clock), 0);
    // The stranger's four failures remain: their next is the fifth, followed by a 2 s wait.
    await guess(db, "mixed@example.test", "203.0.113.77", 1, clock);
    const after = await checkCredentials(db, "mixed@example.test", PASSWORD, HOME, new Date(clock.t));
    assert.deepEqual(after, { ok: false, code: "account_throttled", retryAfterMs: 2000 });
  });
});
