import { test } from "node:test";
import assert from "node:assert/strict";
import { renderToString } from "react-dom/server";
import type { StripeConnectInstance } from "@stripe/connect-js/pure";
import { ConnectProvider } from "./connect-provider";
import { connectInstanceFor, forgetConnectInstance } from "./instance";

test("rendering on the server never fetches a client secret nor creates a Connect instance", () => {
  let calls = 0;
  const html = renderToString(
    <ConnectProvider
      publishableKey="pk_test_x"
      sessionKey="user:business"
      fetchClientSecret={async () => (calls++, "secret")}
    >
      <p>embedded content</p>
    </ConnectProvider>,
  );
  assert.equal(calls, 0);
  assert.match(html, /Loading/);
  assert.ok(!html.includes("embedded content"), "children need the browser-only instance");
  assert.equal(typeof (globalThis as { window?: unknown }).window, "undefined");
});

test("a second render reuses the instance; another business gets a new one and the old is logged out", () => {
  forgetConnectInstance();
  let created = 0;
  let loggedOut = 0;
  const fake = () => {
    created++;
    return {
      create: () => null,
      update: () => {},
      logout: async () => void loggedOut++,
    } as unknown as StripeConnectInstance;
  };
  const first = connectInstanceFor("u1:b1", fake);
  assert.equal(connectInstanceFor("u1:b1", fake), first);
  assert.equal(created, 1);
  const other = connectInstanceFor("u2:b2", fake);
  assert.notEqual(other, first);
  assert.equal(created, 2);
  assert.equal(loggedOut, 1);
});
