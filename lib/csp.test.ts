import { test } from "node:test";
import assert from "node:assert/strict";
import { contentSecurityPolicy } from "./csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

test("sandbox mode allows scripts from the app (with the nonce) and the sandbox's connect.js origin only", () => {
  const csp = contentSecurityPolicy({
    nonce: "abc123",
    mode: "sandbox",
    sandboxPublicUrl: "http://127.0.0.1:12111",
    dev: false,
  });
  assert.equal(directive(csp, "script-src"), "script-src 'self' 'nonce-abc123' http://127.0.0.1:12111");
  assert.ok(!csp.includes("stripe.com"), "no Stripe origin in sandbox mode");
  assert.ok(!csp.includes("unsafe-eval"));
  assert.equal(directive(csp, "frame-ancestors"), "frame-ancestors 'none'");
});

test("stripe mode allows Stripe's connect.js origin and not the sandbox", () => {
  const csp = contentSecurityPolicy({
    nonce: "n",
    mode: "stripe",
    sandboxPublicUrl: "http://127.0.0.1:12111",
    dev: false,
  });
  assert.equal(
    directive(csp, "script-src"),
    "script-src 'self' 'nonce-n' https://connect-js.stripe.com https://js.stripe.com",
  );
  assert.ok(!csp.includes("127.0.0.1"));
  assert.match(directive(csp, "frame-src"), /https:\/\/connect-js\.stripe\.com/);
});

test("development adds unsafe-eval for React's debugging only", () => {
  assert.match(
    contentSecurityPolicy({ nonce: "n", mode: "sandbox", sandboxPublicUrl: "http://localhost:1", dev: true }),
    /'unsafe-eval'/,
  );
});
