import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { explainDecline, fraudWarningText } from "./declines";

test("every reason in the SDK's RequestHistory.Reason type has words of its own", () => {
  const require = createRequire(import.meta.url);
  const root = path.resolve(path.dirname(require.resolve("stripe")), "..");
  const types = readFileSync(path.join(root, "cjs/resources/Issuing/Authorizations.d.ts"), "utf8");
  const line = types.split("\n").find((l) => l.includes("type Reason = 'account_disabled'"));
  assert.ok(line, "the SDK still declares RequestHistory.Reason");
  const reasons = [...line.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
  assert.ok(reasons.length >= 19);
  for (const reason of reasons.filter((r) => r !== "webhook_approved" && r !== "card_active")) {
    const e = explainDecline({ reason });
    assert.ok(e, reason);
    assert.doesNotMatch(e.why, /_/, `${reason} is explained in words: ${e.why}`);
    assert.ok(e.next.length > 10, `${reason} says what to do next`);
  }
});

test("our rule's answer comes first, naming whose rule and its limit in money", () => {
  const e = explainDecline({
    reason: "webhook_declined",
    decision: {
      decidedBy: "business",
      rule: "max_amount",
      reason: "Amount is above the $50.00 maximum per authorization",
    },
  });
  assert.equal(e?.why, "Your business's rule declined it: Amount is above the $50.00 maximum per authorization");
  assert.match(e?.next ?? "", /raise the maximum/);
  const platform = explainDecline({
    reason: "webhook_declined",
    decision: { decidedBy: "platform", rule: "blocked_category", reason: "Merchant category x is blocked" },
  });
  assert.match(platform?.why ?? "", /^The platform's rule declined it/);
  assert.match(platform?.next ?? "", /contact the platform/);
});

test("failed card checks, 3D Secure and fraud warnings are named", () => {
  assert.equal(
    explainDecline({
      reason: "verification_failed",
      verification: { cvc_check: "mismatch", address_postal_code_check: "mismatch", expiry_check: "match" },
    })?.why,
    "The card details given didn't match: the CVC and the postal code",
  );
  assert.match(
    explainDecline({ reason: "verification_failed", verification: { three_d_secure: { result: "failed" } } })?.why ??
      "",
    /3D Secure/,
  );
  const fraud = explainDecline({ reason: "suspected_fraud", fraudWarning: { type: "card_testing_exposure" } });
  assert.match(fraud?.why ?? "", /fraud warning: the card number may have been exposed/);
  assert.match(fraud?.next ?? "", /replace/);
  assert.equal(explainDecline({ reason: null }), null);
  assert.equal(
    fraudWarningText({ type: "user_indicated_fraud", started_at: 1 }),
    "Stripe flagged this card: the cardholder reported fraud on this card.",
  );
  assert.equal(fraudWarningText(null), null);
});
