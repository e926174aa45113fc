import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, isCrossOriginWrite, servedOverHttps } from "./request";

const h = (init: Record<string, string>) => new Headers(init);

test("a POST whose Origin is another site is a cross-origin write; the same host is not", () => {
  assert.equal(isCrossOriginWrite("POST", h({ host: "localhost:3000", origin: "https://evil.example" })), true);
  assert.equal(
    isCrossOriginWrite("POST", h({ host: "localhost:3000", origin: "http://localhost:3001" })),
    true,
    "another port is another origin",
  );
  assert.equal(
    isCrossOriginWrite("POST", h({ host: "localhost:3000", origin: "null" })),
    true,
    "sandboxed frames send Origin: null",
  );
  assert.equal(isCrossOriginWrite("POST", h({ host: "localhost:3000", origin: "not a url" })), true);
  assert.equal(isCrossOriginWrite("POST", h({ host: "localhost:3000", origin: "http://localhost:3000" })), false);
  assert.equal(isCrossOriginWrite("POST", h({ host: "LOCALHOST:3000", origin: "http://localhost:3000" })), false);
});

test("behind a proxy the forwarded host is what the Origin must match", () => {
  const headers = h({
    host: "127.0.0.1:3000",
    "x-forwarded-host": "console.example.com",
    origin: "https://console.example.com",
  });
  assert.equal(isCrossOriginWrite("POST", headers), false);
  assert.equal(
    isCrossOriginWrite(
      "POST",
      h({ host: "127.0.0.1:3000", "x-forwarded-host": "console.example.com", origin: "http://127.0.0.1:3000" }),
    ),
    true,
  );
});

test("reads and Origin-less requests are not refused here", () => {
  assert.equal(isCrossOriginWrite("GET", h({ host: "a", origin: "https://evil.example" })), false);
  assert.equal(isCrossOriginWrite("HEAD", h({ host: "a", origin: "https://evil.example" })), false);
  assert.equal(isCrossOriginWrite("POST", h({ host: "a" })), false);
});

test("https is decided by AUTH_URL when set, else by the forwarded protocol", () => {
  assert.equal(servedOverHttps(h({}), { AUTH_URL: "https://console.example.com" }), true);
  assert.equal(servedOverHttps(h({ "x-forwarded-proto": "https" }), { AUTH_URL: "http://localhost:3000" }), false);
  assert.equal(servedOverHttps(h({ "x-forwarded-proto": "https" }), {}), true);
  assert.equal(servedOverHttps(h({ "x-forwarded-proto": "https, http" }), {}), true);
  assert.equal(servedOverHttps(h({ "x-forwarded-proto": "http" }), {}), false);
  assert.equal(servedOverHttps(h({}), {}), false);
});

test("with no proxy trusted, the address is the rightmost x-forwarded-for entry (the server puts the socket's there)", () => {
  assert.equal(clientAddress(h({ "x-forwarded-for": "203.0.113.9" }), {}), "203.0.113.9");
  assert.equal(clientAddress(h({ "x-forwarded-for": "10.0.0.1, 203.0.113.9" }), {}), "203.0.113.9");
  assert.equal(clientAddress(h({ "x-forwarded-for": " 203.0.113.9 ,, " }), {}), "203.0.113.9");
  assert.equal(clientAddress(h({ "x-forwarded-for": "::1" }), { TRUST_PROXY_HOPS: "0" }), "::1");
  assert.equal(clientAddress(h({}), {}), "unknown");
});

test("behind TRUST_PROXY_HOPS proxies, entries a client made up to the left are skipped", () => {
  // The client sent "1.1.1.1"; the first proxy appended the client's real address, the second the first proxy's.
  const headers = h({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.2" });
  assert.equal(clientAddress(headers, { TRUST_PROXY_HOPS: "1" }), "10.0.0.2");
  assert.equal(clientAddress(headers, { TRUST_PROXY_HOPS: "2" }), "203.0.113.9");
  assert.equal(clientAddress(headers, { TRUST_PROXY_HOPS: "3" }), "1.1.1.1");
  assert.equal(
    clientAddress(headers, { TRUST_PROXY_HOPS: "9" }),
    "1.1.1.1",
    "more hops than entries: the leftmost, never nothing",
  );
  assert.equal(clientAddress(headers, { TRUST_PROXY_HOPS: "nonsense" }), "10.0.0.2", "a bad setting trusts no proxy");
  assert.equal(clientAddress(headers, { TRUST_PROXY_HOPS: "-2" }), "10.0.0.2");
});
