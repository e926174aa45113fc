import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { SandboxOptions } from "./config";

export type RunningSandbox = { server: Server; port: number; url: string; close(): Promise<void> };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function handle(req: IncomingMessage, res: ServerResponse, opts: SandboxOptions): void {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  if (req.method === "GET" && url.pathname === "/_sandbox/health") {
    sendJson(res, 200, { status: "ok", data_dir: opts.dataDir });
    return;
  }
  sendJson(res, 404, {
    error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` },
  });
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  mkdirSync(opts.dataDir, { recursive: true });
  const server = createServer((req, res) => handle(req, res, opts));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${opts.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
