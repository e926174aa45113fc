import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { SandboxControls } from "./sandbox-controls";

test("the seed's clock follows the sandbox's clock as the seed moves it, and comes back with it", async () => {
  // A stand-in for the sandbox's clock control: it answers where it was moved to.
  let sandboxNow = Math.floor(Date.now() / 1000);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === "POST") sandboxNow = (JSON.parse(Buffer.concat(chunks).toString()) as { to: number }).to;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ now: sandboxNow }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const controls = new SandboxControls(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const near = (a: Date, b: number) => assert.ok(Math.abs(a.getTime() - b) < 5_000, `${a.toISOString()} ≉ ${b}`);
    near(controls.clock(), Date.now());
    const monthAgo = Math.floor(Date.now() / 1000) - 30 * 86_400;
    await controls.set(monthAgo);
    near(controls.clock(), monthAgo * 1000);
    await controls.reset();
    near(controls.clock(), Date.now());
  } finally {
    server.close();
  }
});
