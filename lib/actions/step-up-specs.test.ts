import { test } from "node:test";
import assert from "node:assert/strict";
import type { DbOrTx } from "@/db/connect";
import type { Business } from "@/db/schema";
import { adminActions } from "@/lib/admin/actions";
import type { AdminDeps } from "@/lib/admin/deps";
import type { PayoutDeps } from "@/lib/payouts/deps";
import { payoutActions } from "@/lib/payouts/actions";
import { teamActions } from "@/lib/team/actions";
import { treasuryActions } from "@/lib/treasury/actions";
import { executeAction, type BusinessScope, type PlatformScope } from "./execute";

const unused = (): never => {
  throw new Error("a refused action must not reach its dependencies");
};
const db = new Proxy({}, { get: unused }) as unknown as DbOrTx;
const business = { id: "b" } as Business;
const stale = new Date(Date.now() - 6 * 60_000);
const owner: BusinessScope = { actor: { userId: "u", role: "owner", businessId: "b", provenAt: stale }, business };
const admin: PlatformScope = { actor: { userId: "u", role: "platform_admin", businessId: null, provenAt: stale } };

test("granting access, adding where money goes and pulling money in ask for a proof from the last few minutes", async () => {
  const team = teamActions(unused);
  const payouts = payoutActions(unused as () => PayoutDeps);
  const platform = adminActions(unused as () => AdminDeps);
  const business = [
    ["invite a member (or an admin)", team.invite, { email: "x@example.test", role: "admin" }],
    ["add a crypto payout destination", payouts.addCryptoDestination, {}],
    ["add a bank payout destination", payouts.addBankDestination, {}],
    ["link a bank account", treasuryActions.linkBank, {}],
    ["move money in", treasuryActions.moveMoneyIn, {}],
  ] as const;
  for (const [name, spec, input] of business) {
    assert.equal(spec.stepUp, true, name);
    const refused = await executeAction(db, owner, spec as never, input);
    assert.equal(!refused.ok && refused.error.code, "step_up_required", name);
  }
  assert.equal(platform.invite.stepUp, true);
  const refused = await executeAction(db, admin, platform.invite, { email: "new-admin@example.test" });
  assert.equal(!refused.ok && refused.error.code, "step_up_required");
});
