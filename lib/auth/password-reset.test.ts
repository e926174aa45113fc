import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, outbox, passwordResetTokens, signInFailures, users } from "@/db/schema";
import { createUserSession, liveUserSession } from "@/db/queries/user-sessions";
import { checkCredentials, signUpUser } from "./accounts";
import { changePassword } from "./change-password";
import {
  hashResetToken,
  MAX_RESET_REQUESTS,
  RESET_REQUEST_WINDOW_MS,
  RESET_TTL_MS,
  requestPasswordReset,
  resetLinkWorks,
  resetPassword,
} from "./password-reset";

const BASE = "https://console.example.test";
// No SMTP server: the email stays in the outbox, where the test reads the link.
const mail = { smtpUrl: null };

/** The token in the newest reset email to `email`. */
async function lastLink(db: Parameters<typeof requestPasswordReset>[0], email: string): Promise<string> {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, email), eq(outbox.kind, "password_reset")));
  const text = rows.sort((a, b) => +b.createdAt - +a.createdAt)[0]?.text ?? "";
  const m = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text);
  assert.ok(m, `no reset link in the email to ${email}`);
  return m[1]!;
}

describeEachDatabase("password reset", (database) => {
  let n = 0;
  /** A fresh user, so tests don't share a throttle window. */
  async function user(password = "first-password-1") {
    const { db } = database();
    const email = `reset-${n++}-${Date.now()}@example.test`;
    const created = await signUpUser(db, { name: "Rae", email, password });
    assert.ok(created.ok);
    return created.user;
  }

  test("a request emails a link to the app's URL; only the token's SHA-256 is stored", async () => {
    const { db } = database();
    const u = await user();
    assert.equal(await requestPasswordReset(db, { email: u.email.toUpperCase(), baseUrl: BASE, mail }), "sent");
    const [email] = await db.select().from(outbox).where(eq(outbox.to, u.email));
    assert.equal(email?.kind, "password_reset");
    const token = await lastLink(db, u.email);
    assert.ok(email?.text.includes(`${BASE}/reset-password/${token}`));
    assert.equal(Buffer.from(token, "base64url").length, 32);
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, u.id));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.tokenHash, hashResetToken(token));
    assert.notEqual(rows[0]!.tokenHash, token);
    assert.equal(+rows[0]!.expiresAt - +rows[0]!.createdAt, RESET_TTL_MS);
  });

  test("an unknown email sends nothing and stores nothing", async () => {
    const { db } = database();
    const before = (await db.select().from(passwordResetTokens)).length;
    const email = "nobody-here@example.test";
    assert.equal(await requestPasswordReset(db, { email, baseUrl: BASE, mail }), "unknown_email");
    assert.equal((await db.select().from(passwordResetTokens)).length, before);
    assert.deepEqual(await db.select().from(outbox).where(eq(outbox.to, email)), []);
  });

  test("the link sets the password once: sessions end, failures are forgotten, it is audited", async () => {
    const { db } = database();
    const u = await user();
    const session = await createUserSession(db, { userId: u.id, userAgent: "test", ipAddress: null });
    await checkCredentials(db, u.email, "a wrong guess", "203.0.113.1");
    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, mail });
    const token = await lastLink(db, u.email);
    assert.equal(await resetLinkWorks(db, { token }), true);

    assert.equal(await resetPassword(db, { token, password: "second-password-2" }), true);
    assert.equal((await checkCredentials(db, u.email, "second-password-2", "203.0.113.1")).ok, true);
    assert.equal((await checkCredentials(db, u.email, "first-password-1", "203.0.113.1")).ok, false);
    assert.equal(await liveUserSession(db, { userId: u.id, sessionId: session.id }), null);
    const audit = await db.select().from(auditLog).where(eq(auditLog.target, u.id));
    assert.ok(audit.some((a) => a.action === "user.password_reset" && a.actorUserId === u.id));

    assert.equal(await resetLinkWorks(db, { token }), false);
    assert.equal(await resetPassword(db, { token, password: "third-password-3" }), false);
    assert.equal(
      (await checkCredentials(db, u.email, "second-password-2", "203.0.113.1")).ok,
      true,
      "the second use changed nothing",
    );
  });

  // The failures may be an attacker's: forgetting them would unblock the attacker's address.
  test("a reset leaves the email's failed sign-ins counted against the addresses they came from", async () => {
    const { db } = database();
    const u = await user();
    for (let i = 0; i < 3; i++) await checkCredentials(db, u.email, `guess-${i}`, "198.51.100.66");
    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, mail });
    assert.equal(await resetPassword(db, { token: await lastLink(db, u.email), password: "second-password-2" }), true);
    const left = await db.select().from(signInFailures).where(eq(signInFailures.email, u.email));
    assert.equal(left.length, 3);
  });

  test("an expired link no longer works", async () => {
    const { db } = database();
    const u = await user();
    const asked = new Date(Date.now() - RESET_TTL_MS - 1000);
    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, now: asked, mail });
    const token = await lastLink(db, u.email);
    assert.equal(await resetLinkWorks(db, { token }), false);
    assert.equal(await resetPassword(db, { token, password: "second-password-2" }), false);
    assert.equal((await checkCredentials(db, u.email, "first-password-1", "203.0.113.1")).ok, true);
    const justBefore = new Date(asked.getTime() + RESET_TTL_MS - 1000);
    assert.equal(await resetLinkWorks(db, { token, now: justBefore }), true);
  });

  test("an unknown or tampered token does nothing", async () => {
    const { db } = database();
    const u = await user();
    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, mail });
    const token = await lastLink(db, u.email);
    const [row] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, u.id));
    // The stored hash is not itself a token.
    assert.equal(await resetPassword(db, { token: row!.tokenHash, password: "second-password-2" }), false);
    assert.equal(await resetPassword(db, { token: token.slice(0, -1), password: "second-password-2" }), false);
    assert.equal((await checkCredentials(db, u.email, "first-password-1", "203.0.113.1")).ok, true);
  });

  test("two uses of one link at once: exactly one succeeds", async () => {
    const { db } = database();
    const u = await user();
    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, mail });
    const token = await lastLink(db, u.email);
    const results = await Promise.all([
      resetPassword(db, { token, password: "tab-one-password" }),
      resetPassword(db, { token, password: "tab-two-password" }),
    ]);
    assert.deepEqual(results.filter(Boolean).length, 1);
    const winner = results[0] ? "tab-one-password" : "tab-two-password";
    assert.equal((await checkCredentials(db, u.email, winner, "203.0.113.1")).ok, true);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.target, u.id), eq(auditLog.action, "user.password_reset")));
    assert.equal(audits.length, 1);
  });

  test(`at most ${MAX_RESET_REQUESTS} links per email in ${RESET_REQUEST_WINDOW_MS / 60000} minutes, even asked at once`, async () => {
    const { db } = database();
    const u = await user();
    const t0 = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: MAX_RESET_REQUESTS + 2 }, () =>
        requestPasswordReset(db, { email: u.email, baseUrl: BASE, now: t0, mail }),
      ),
    );
    assert.equal(outcomes.filter((o) => o === "sent").length, MAX_RESET_REQUESTS);
    assert.equal(outcomes.filter((o) => o === "throttled").length, 2);
    assert.equal((await db.select().from(outbox).where(eq(outbox.to, u.email))).length, MAX_RESET_REQUESTS);
    const later = new Date(t0.getTime() + RESET_REQUEST_WINDOW_MS + 1000);
    assert.equal(await requestPasswordReset(db, { email: u.email, baseUrl: BASE, now: later, mail }), "sent");
  });

  test("using one link, or changing the password, ends the other links still out", async () => {
    const { db } = database();
    const u = await user();
    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, mail });
    const first = await lastLink(db, u.email);
    await new Promise((r) => setTimeout(r, 5));
    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, mail });
    const second = await lastLink(db, u.email);
    assert.notEqual(first, second);
    assert.equal(await resetPassword(db, { token: second, password: "second-password-2" }), true);
    assert.equal(await resetLinkWorks(db, { token: first }), false);

    await requestPasswordReset(db, { email: u.email, baseUrl: BASE, mail });
    const third = await lastLink(db, u.email);
    const [fresh] = await db.select().from(users).where(eq(users.id, u.id));
    const changed = await changePassword(db, {
      user: fresh!,
      currentPassword: "second-password-2",
      password: "third-password-3",
      keepSessionId: null,
      address: "203.0.113.1",
    });
    assert.deepEqual(changed, { ok: true });
    assert.equal(await resetLinkWorks(db, { token: third }), false);
  });
});

describeEachDatabase("change password", (database) => {
  test("needs the current password; ends the other sessions but the kept one; is audited", async () => {
    const { db } = database();
    const created = await signUpUser(db, { name: "Cy", email: "cy-change@example.test", password: "first-password-1" });
    assert.ok(created.ok);
    const u = created.user;
    const here = await createUserSession(db, { userId: u.id, userAgent: "here", ipAddress: null });
    const there = await createUserSession(db, { userId: u.id, userAgent: "there", ipAddress: null });

    const wrong = await changePassword(db, {
      user: u,
      currentPassword: "not-it",
      password: "second-password-2",
      keepSessionId: here.id,
      address: "203.0.113.1",
    });
    assert.deepEqual(wrong, { ok: false, code: "wrong_password" });
    assert.ok(await liveUserSession(db, { userId: u.id, sessionId: there.id }), "a refused change ends nothing");

    const right = await changePassword(db, {
      user: u,
      currentPassword: "first-password-1",
      password: "second-password-2",
      keepSessionId: here.id,
      address: "203.0.113.1",
    });
    assert.deepEqual(right, { ok: true });
    assert.ok(await liveUserSession(db, { userId: u.id, sessionId: here.id }));
    assert.equal(await liveUserSession(db, { userId: u.id, sessionId: there.id }), null);
    assert.equal((await checkCredentials(db, u.email, "second-password-2", "203.0.113.1")).ok, true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "user.password_changed"));
    assert.equal(audit.length, 1);
  });
});
