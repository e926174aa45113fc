import { test } from "node:test";
import assert from "node:assert/strict";
import { generate } from "otplib";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, type User } from "@/db/schema";
import { getUser } from "@/db/queries/users";
import { signUpUser } from "../accounts";
import { signUpSchema } from "../schemas";
import { deviceRemembered, rememberDevice } from "./devices";
import { revokeDevice } from "./device-management";
import { confirmEnrolment, disableTwoFactor, newEnrolment, openEnrolment, regenerateRecoveryCodes } from "./enrolment";
import { beginPendingSignIn, completePendingSignIn, PENDING_MAX_ATTEMPTS, readPendingToken } from "./pending";
import { verifySecondFactor } from "./verify";

const T0 = new Date("2026-03-02T10:00:10Z");
const ADDRESS = "203.0.113.7";
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

describeEachDatabase("two-factor sign-in", (database) => {
  let user: User;
  let other: User;
  let secret: string;
  let recovery: string[];

  const fresh = async () => (await getUser(database().db, { userId: user.id }))!;

  test("enrolment: a wrong code leaves 2FA off; the right one turns it on with ten recovery codes", async () => {
    const { db } = database();
    const made = await signUpUser(
      db,
      signUpSchema.parse({ name: "Tess", email: "tess@example.test", password: "tess-password-1" }),
    );
    const made2 = await signUpUser(
      db,
      signUpSchema.parse({ name: "Otto", email: "otto@example.test", password: "otto-password-1" }),
    );
    assert.ok(made.ok && made2.ok);
    user = made.user;
    other = made2.user;
    const enrolment = await newEnrolment(user, T0);
    assert.match(enrolment.qrSvg, /^<svg/);
    secret = openEnrolment(enrolment.sealed, user.id, T0)!;
    assert.equal(enrolment.key.replace(/ /g, ""), secret);
    assert.equal(openEnrolment(enrolment.sealed, other.id, T0), null, "sealed for this user only");
    assert.equal(openEnrolment(enrolment.sealed, user.id, at(31 * 60)), null, "and only for a while");

    const wrong = await confirmEnrolment(db, { user, sealed: enrolment.sealed, code: "000000", now: T0 });
    assert.deepEqual(wrong, { ok: false, reason: "wrong_code" });
    assert.equal((await fresh()).totpEnabledAt, null);

    const right = await confirmEnrolment(db, {
      user,
      sealed: enrolment.sealed,
      code: await codeAt(secret, T0),
      now: T0,
    });
    assert.ok(right.ok);
    recovery = right.codes;
    assert.equal(recovery.length, 10);
    assert.equal(new Set(recovery).size, 10);
    for (const c of recovery) assert.match(c, /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/);
    user = await fresh();
    assert.ok(user.totpEnabledAt);
    assert.ok(user.totpSecret && !user.totpSecret.includes(secret), "the secret is stored encrypted");
    const audits = (await db.select().from(auditLog)).map((a) => a.action);
    assert.ok(audits.includes("user.two_factor_enabled"));
  });

  test("a code is accepted once: the same code again is refused (replay), even by the step-up path", async () => {
    const { db } = database();
    const later = at(60);
    const code = await codeAt(secret, later);
    assert.equal(await verifySecondFactor(db, user, code, later), true);
    assert.equal(await verifySecondFactor(db, user, code, later), false);
    assert.equal(await verifySecondFactor(db, user, code, at(65)), false);
  });

  test("window: the previous and next step are accepted, two steps away is not; older than the last accepted is refused", async () => {
    const { db } = database();
    const now = at(300);
    assert.equal(await verifySecondFactor(db, user, await codeAt(secret, at(240)), now), false, "two steps late");
    assert.equal(await verifySecondFactor(db, user, await codeAt(secret, at(360)), now), false, "two steps early");
    assert.equal(await verifySecondFactor(db, user, await codeAt(secret, at(330)), now), true, "one step early");
    assert.equal(
      await verifySecondFactor(db, user, await codeAt(secret, at(270)), now),
      false,
      "older than the last used",
    );
    const next = at(400);
    assert.equal(await verifySecondFactor(db, user, await codeAt(secret, at(370)), next), true, "one step late");
    assert.equal(
      await verifySecondFactor(db, other, await codeAt(secret, next), next),
      false,
      "2FA off for the other user",
    );
  });

  test("a recovery code works once (in any case, with or without dashes), then is refused", async () => {
    const { db } = database();
    const code = recovery[0]!;
    assert.equal(await verifySecondFactor(db, user, code.toUpperCase().replace(/-/g, "")), true);
    assert.equal(await verifySecondFactor(db, user, code), false);
    assert.equal(await verifySecondFactor(db, other, recovery[1]!), false, "not another user's");
    assert.equal(await verifySecondFactor(db, user, "aaaa-bbbb-cc"), false);
    const audits = (await db.select().from(auditLog)).map((a) => a.action);
    assert.ok(audits.includes("user.recovery_code_used"));
  });

  test("regenerating replaces every recovery code", async () => {
    const { db } = database();
    const codes = (await regenerateRecoveryCodes(db, { user }))!;
    assert.equal(await verifySecondFactor(db, user, recovery[2]!), false);
    assert.equal(await verifySecondFactor(db, user, codes[0]!), true);
    recovery = codes;
  });

  test("a remembered device: valid for its user only, until it expires or is revoked; a forged cookie is not", async () => {
    const { db } = database();
    const { cookie, expiresAt } = await rememberDevice(db, { userId: user.id, userAgent: "Test browser", now: T0 });
    assert.equal(expiresAt.getTime(), T0.getTime() + 30 * 24 * 3600 * 1000);
    assert.equal(await deviceRemembered(db, { userId: user.id, cookie, now: at(60) }), true);
    assert.equal(await deviceRemembered(db, { userId: other.id, cookie, now: at(60) }), false, "other user");
    assert.equal(await deviceRemembered(db, { userId: user.id, cookie, now: at(31 * 24 * 3600) }), false, "expired");
    const [id, secretPart] = cookie.split(".");
    assert.equal(await deviceRemembered(db, { userId: user.id, cookie: `${id}.${secretPart}.forged`, now: T0 }), false);
    assert.equal(await deviceRemembered(db, { userId: user.id, cookie: undefined }), false);
    assert.equal(await revokeDevice(db, { userId: other.id, deviceId: id! }), false, "only the owner revokes");
    assert.equal(await revokeDevice(db, { userId: user.id, deviceId: id! }), true);
    assert.equal(await deviceRemembered(db, { userId: user.id, cookie, now: at(60) }), false, "revoked");
  });

  test("pending sign-in: a tampered or expired token is refused; five wrong codes void it; the right code ends it", async () => {
    const { db } = database();
    const token = await beginPendingSignIn(db, { userId: user.id, now: T0 });
    assert.equal(readPendingToken(token, at(10))?.userId, user.id);
    assert.equal(readPendingToken(token, at(301)), null, "expired after 5 minutes");
    const [body, sig] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), u: other.id }),
    ).toString("base64url");
    assert.equal(readPendingToken(`${forged}.${sig}`, at(10)), null, "tampered");
    const now = at(600);
    const live = await beginPendingSignIn(db, { userId: user.id, now });
    // Spaced out: after three wrong codes each further one waits (they count as failed sign-ins).
    const later = (i: number) => new Date(now.getTime() + i * 40_000);
    for (let i = 0; i < PENDING_MAX_ATTEMPTS; i++)
      assert.deepEqual(
        await completePendingSignIn(db, { token: live, code: "000000", address: ADDRESS, now: later(i) }),
        {
          ok: false,
          reason: "wrong_code",
        },
      );
    const right = await codeAt(secret, later(5));
    assert.deepEqual(await completePendingSignIn(db, { token: live, code: right, address: ADDRESS, now: later(5) }), {
      ok: false,
      reason: "expired",
    });

    const again = await beginPendingSignIn(db, { userId: user.id, now: later(6) });
    const ok = await completePendingSignIn(db, { token: again, code: recovery[3]!, address: ADDRESS, now: later(6) });
    assert.ok(ok.ok && ok.user.id === user.id);
    assert.deepEqual(
      await completePendingSignIn(db, { token: again, code: recovery[4]!, address: ADDRESS, now: later(6) }),
      { ok: false, reason: "expired" },
      "used once",
    );
  });

  test("wrong codes are throttled like passwords, and the right password does not forget them", async () => {
    const { db } = database();
    const now = at(2000);
    const token = await beginPendingSignIn(db, { userId: user.id, now });
    for (let i = 0; i < 4; i++)
      assert.equal((await completePendingSignIn(db, { token, code: "000000", address: ADDRESS, now })).ok, false);
    const fifth = await completePendingSignIn(db, { token, code: await codeAt(secret, now), address: ADDRESS, now });
    assert.equal(!fifth.ok && fifth.reason, "throttled", "the fourth wrong code makes the next one wait");
    // A fresh pending sign-in (the password again) is still throttled.
    const fresh = await beginPendingSignIn(db, { userId: user.id, now });
    const still = await completePendingSignIn(db, { token: fresh, code: "000000", address: ADDRESS, now });
    assert.equal(!still.ok && still.reason, "throttled");
  });

  test("turning 2FA off is refused, even with the password, while the user's role requires it", async () => {
    const { db } = database();
    const saved = process.env.REQUIRE_2FA;
    process.env.REQUIRE_2FA = "true";
    try {
      for (const [who, memberships] of [
        [{ ...user, platformRole: "platform_admin" as const }, []],
        [user, [{ role: "owner" as const }]],
      ] as const) {
        assert.deepEqual(
          await disableTwoFactor(db, { user: who, proof: "tess-password-1", keepSession: null, memberships }),
          { ok: false, reason: "required" },
        );
      }
    } finally {
      if (saved === undefined) delete process.env.REQUIRE_2FA;
      else process.env.REQUIRE_2FA = saved;
    }
    const still = await fresh();
    assert.ok(still.totpEnabledAt && still.totpSecret, "still on");
    assert.equal(await verifySecondFactor(db, still, recovery[6]!), true, "the recovery codes are kept");
  });

  test("turning 2FA off needs proof, and forgets the secret, the codes and every remembered device", async () => {
    const { db } = database();
    const { cookie } = await rememberDevice(db, { userId: user.id, userAgent: null });
    assert.deepEqual(
      await disableTwoFactor(db, { user, proof: "wrong-password", keepSession: null, memberships: [] }),
      {
        ok: false,
        reason: "wrong_proof",
      },
    );
    assert.deepEqual(
      await disableTwoFactor(db, { user, proof: "tess-password-1", keepSession: null, memberships: [] }),
      { ok: true },
    );
    const after = await fresh();
    assert.equal(after.totpEnabledAt, null);
    assert.equal(after.totpSecret, null);
    assert.equal(await deviceRemembered(db, { userId: user.id, cookie }), false);
    assert.equal(await verifySecondFactor(db, after, recovery[5]!), false);
    const audits = (await db.select().from(auditLog)).map((a) => a.action);
    assert.ok(audits.includes("user.two_factor_disabled") && audits.includes("user.device_revoked"));
  });
});
