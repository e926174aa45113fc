import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

const CLIENT_DIR = path.join(import.meta.dirname, "client");

/**
 * The browser code, plain JS without a build step: the files in `client/` in name order
 * (`00-…` first), concatenated inside one function so they share their top-level names and
 * nothing leaks to the page but `window.StripeConnect`. Read on every request so edits show
 * up on reload (the script is small).
 */
export function connectScript(): string {
  const files = readdirSync(CLIENT_DIR)
    .filter((f) => f.endsWith(".js"))
    .sort();
  const parts = files.map((f) => `// ---- ${f}\n${readFileSync(path.join(CLIENT_DIR, f), "utf8")}`);
  return `/* Sandbox connect.js: window.StripeConnect and the stripe-connect-* elements for @stripe/connect-js 3.4.x, offline. */\n(function () {\n"use strict";\n${parts.join("\n")}\n})();\n`;
}

export function serveScript(req: IncomingMessage, res: ServerResponse): void {
  const body = connectScript();
  res.writeHead(req.method === "GET" || req.method === "HEAD" ? 200 : 405, {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "no-cache",
    "access-control-allow-origin": "*",
    // Loadable from a page that isolates itself (COEP) and from any origin.
    "cross-origin-resource-policy": "cross-origin",
    "x-content-type-options": "nosniff",
    "content-length": Buffer.byteLength(body),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
