import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, request, Server } from "node:http";
import { clientAddress } from "./request";
import { installSocketAddress, replaceForwardedFor } from "./socket-address";

test("with no proxy trusted, a client's own X-Forwarded-For is replaced by its socket's address", () => {
  const req = { headers: { "x-forwarded-for": "203.0.113.50" }, socket: { remoteAddress: "198.51.100.4" } };
  replaceForwardedFor(req as never);
  assert.equal(req.headers["x-forwarded-for"], "198.51.100.4");
  const unknown = { headers: { "x-forwarded-for": "203.0.113.50" } as Record<string, string>, socket: {} };
  replaceForwardedFor(unknown as never);
  assert.equal(unknown.headers["x-forwarded-for"], undefined);
});

test("installed only when no proxy is trusted; a server then sees the socket's address, whatever the client sends", async () => {
  const fake = { Server: { prototype: Object.create(Server.prototype) as Server } };
  assert.equal(installSocketAddress(fake, { TRUST_PROXY_HOPS: "1" }), false);
  assert.equal(fake.Server.prototype.emit, Server.prototype.emit, "behind a proxy the header is left alone");

  assert.equal(installSocketAddress({ Server }, {}), true);
  const server = createServer((req, res) =>
    res.end(clientAddress({ get: (n) => req.headers[n] as string | null }, {})),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as { port: number };
    const seen = await new Promise<string>((resolve, reject) => {
      const r = request({ port, host: "127.0.0.1", headers: { "x-forwarded-for": "203.0.113.50" } }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      });
      r.on("error", reject);
      r.end();
    });
    assert.equal(seen, "127.0.0.1");
  } finally {
    server.close();
  }
});
