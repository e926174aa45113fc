import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

const CLIENT_DIR = path.join(import.meta.dirname, "client");
/** Read on every request so edits show up on reload (both files are small). */
const client = (name: string) => readFileSync(path.join(CLIENT_DIR, name), "utf8");

function answer(req: IncomingMessage, res: ServerResponse, type: string, body: string, extra: Record<string, string>) {
  res.writeHead(req.method === "GET" || req.method === "HEAD" ? 200 : 405, {
    "content-type": `${type}; charset=utf-8`,
    "x-content-type-options": "nosniff",
    "content-length": Buffer.byteLength(body),
    ...extra,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** `/stripe.js`: window.Stripe, loadable from any origin and from a page that isolates itself (COEP). */
export function serveStripeJs(req: IncomingMessage, res: ServerResponse): void {
  answer(req, res, "text/javascript", client("stripe.js"), {
    "cache-control": "no-cache",
    "access-control-allow-origin": "*",
    "cross-origin-resource-policy": "cross-origin",
  });
}

/**
 * The frame an element renders in. Any page may frame it (that is its use); it runs only its own
 * script, talks only to this origin, and sends no referrer.
 */
export function serveFrame(req: IncomingMessage, res: ServerResponse): void {
  const nonce = randomBytes(16).toString("base64");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Issuing Element</title>
<style>html,body{margin:0;padding:0;background:transparent;overflow:hidden;font:16px/1.5 system-ui,sans-serif;white-space:nowrap}
button{font:inherit;cursor:pointer}</style></head>
<body><span id="value" aria-live="polite"></span>
<script nonce="${nonce}">${client("frame.js")}</script></body></html>`;
  answer(req, res, "text/html", html, {
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors *`,
  });
}
