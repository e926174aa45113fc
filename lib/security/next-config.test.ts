import { test } from "node:test";
import assert from "node:assert/strict";
import nextConfig from "../../next.config";

test("server actions accept only same-origin requests: no extra allowed origins, certainly no wildcard", () => {
  const serverActions = (nextConfig.experimental as { serverActions?: { allowedOrigins?: string[] } } | undefined)
    ?.serverActions;
  assert.deepEqual(serverActions?.allowedOrigins ?? [], []);
});

test("every response gets the security headers, API responses a script-free CSP, and no X-Powered-By", async () => {
  assert.equal(nextConfig.poweredByHeader, false);
  const rules = (await nextConfig.headers?.()) ?? [];
  const all = rules.find((r) => r.source === "/:path*")?.headers ?? [];
  const get = (name: string) => all.find((h) => h.key.toLowerCase() === name)?.value;
  assert.equal(get("x-content-type-options"), "nosniff");
  assert.equal(get("x-frame-options"), "DENY");
  assert.ok(get("referrer-policy"));
  assert.ok(get("permissions-policy"));
  const api =
    rules.find((r) => r.source === "/api/:path*")?.headers.find((h) => h.key === "Content-Security-Policy")?.value ??
    "";
  assert.match(api, /^default-src 'none'/);
  assert.match(api, /frame-ancestors 'none'/);
  assert.doesNotMatch(api, /script-src/);
});
