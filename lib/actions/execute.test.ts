import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, businesses, users } from "@/db/schema";
import { ok } from "@/lib/errors";
import { executeAction, formDataToObject, type Actor } from "./execute";

describeEachDatabase("executeAction", (database) => {
  let runs = 0;
  const spec = {
    permission: "cards.manage" as const,
    schema: z.object({ nickname: z.string().trim().min(1, { error: "Enter a nickname" }) }),
    run: async ({ input }: { actor: Actor; input: { nickname: string } }) => {
      runs++;
      return ok({ nickname: input.nickname });
    },
    audit: (input: { nickname: string }) => ({ action: "card.renamed", data: { nickname: input.nickname } }),
  };

  test("signed-out and under-privileged actors are refused before anything runs", async () => {
    const { db } = database();
    assert.equal((await executeAction(db, null, spec, { nickname: "x" })).ok, false);
    const member = await executeAction(db, { actor: { userId: "u", role: "member", businessId: "b" } }, spec, {
      nickname: "x",
    });
    assert.deepEqual(member, {
      ok: false,
      error: { code: "forbidden", message: "You don't have permission to do that" },
    });
    const platform = await executeAction(
      db,
      { actor: { userId: "u", role: "platform_admin", businessId: null } },
      spec,
      {
        nickname: "x",
      },
    );
    assert.equal(!platform.ok && platform.error.code, "forbidden");
    assert.equal(runs, 0);
    assert.equal((await db.select().from(auditLog)).length, 0);
  });

  test("a step-up action runs only for a proof from the last five minutes, and a member is still refused first", async () => {
    const { db } = database();
    let sensitiveRuns = 0;
    const sensitive = {
      ...spec,
      audit: undefined,
      stepUp: true as const,
      run: async () => ok({ nickname: String(++sensitiveRuns) }),
    };
    const now = Date.now();
    const owner = (ageMs?: number) => ({
      actor: {
        userId: "u",
        role: "owner" as const,
        businessId: "b",
        ...(ageMs === undefined ? {} : { provenAt: new Date(now - ageMs) }),
      },
    });
    for (const age of [undefined, 6 * 60_000]) {
      const stale = await executeAction(db, owner(age), sensitive, { nickname: "x" });
      assert.equal(!stale.ok && stale.error.code, "step_up_required");
    }
    const member = await executeAction(db, { actor: { ...owner(0).actor, role: "member" as const } }, sensitive, {
      nickname: "x",
    });
    assert.equal(!member.ok && member.error.code, "forbidden");
    assert.equal(sensitiveRuns, 0);
    const fresh = await executeAction(db, owner(4 * 60_000), sensitive, { nickname: "x" });
    assert.equal(fresh.ok, true);
    assert.equal(sensitiveRuns, 1);
  });

  test("an actor whose role requires two-factor sign-in and who has not set it up is refused, however fresh the proof", async () => {
    const { db } = database();
    let guardedRuns = 0;
    const guarded = { ...spec, audit: undefined, run: async () => ok({ nickname: String(++guardedRuns) }) };
    const owner = { userId: "u", role: "owner" as const, businessId: "b", provenAt: new Date() };
    const admin = { userId: "u", role: "platform_admin" as const, businessId: null, provenAt: new Date() };
    for (const actor of [owner, admin]) {
      const refused = await executeAction(db, { actor: { ...actor, mustEnrol: true } }, guarded, { nickname: "x" });
      assert.deepEqual(refused, {
        ok: false,
        error: {
          code: "two_factor_setup_required",
          message: "Your role requires two-factor sign-in: set it up at /account/two-factor before you continue",
        },
      });
      const stepUp = await executeAction(
        db,
        { actor: { ...actor, mustEnrol: true } },
        { ...guarded, stepUp: true as const },
        {
          nickname: "x",
        },
      );
      assert.equal(!stepUp.ok && stepUp.error.code, "two_factor_setup_required");
    }
    assert.equal(guardedRuns, 0);
    const enrolled = await executeAction(db, { actor: { ...owner, mustEnrol: false } }, guarded, { nickname: "x" });
    assert.equal(enrolled.ok, true);
    assert.equal(guardedRuns, 1);
  });

  test("bad input returns field errors and runs nothing", async () => {
    const { db } = database();
    const [u] = await db.insert(users).values({ email: "a@x.test", name: "A", passwordHash: "h" }).returning();
    const [b] = await db
      .insert(businesses)
      .values({ legalName: "B", country: "US", businessType: "company", fundingModel: "treasury" })
      .returning();
    const actor = { actor: { userId: u!.id, role: "admin" as const, businessId: b!.id }, business: b! };
    const form = new FormData();
    form.set("nickname", "   ");
    const bad = await executeAction(db, actor, spec, form);
    assert.deepEqual(bad, {
      ok: false,
      error: {
        code: "validation_failed",
        message: "Some fields need attention",
        fields: { nickname: "Enter a nickname" },
      },
    });
    assert.equal(runs, 0);
    const good = await executeAction(db, actor, spec, { nickname: " Travel " });
    assert.deepEqual(good, { ok: true, data: { nickname: "Travel" } });
    const audits = await db.select().from(auditLog);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]?.businessId, b!.id);
    assert.deepEqual(audits[0]?.data, { nickname: "Travel" });
  });

  test("an unexpected failure becomes a generic error without a stack", async () => {
    const { db } = database();
    const original = console.error;
    console.error = () => {};
    try {
      const boom = await executeAction(
        db,
        { actor: { userId: "u", role: "owner", businessId: "b" } },
        {
          ...spec,
          run: async () => {
            throw new Error("db exploded at line 42");
          },
        },
        { nickname: "x" },
      );
      assert.deepEqual(boom, {
        ok: false,
        error: { code: "internal", message: "Something went wrong on our side. Try again" },
      });
    } finally {
      console.error = original;
    }
  });
});

test("form data becomes strings, repeated keys arrays, and Next's action fields are dropped", () => {
  const form = new FormData();
  form.append("a", "1");
  form.append("tags", "x");
  form.append("tags", "y");
  form.append("$ACTION_ID_abc", "");
  assert.deepEqual(formDataToObject(form), { a: "1", tags: ["x", "y"] });
});
