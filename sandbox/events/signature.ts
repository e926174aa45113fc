import { createHmac } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** `Stripe-Signature` exactly as Stripe builds it: `t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>"))`. */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/** What an endpoint answered: its status, a header by name, and the body read whole. */
export type EndpointAnswer = { status: number; header(name: string): string | null; body: string };

// One keep-alive pool per protocol, as Stripe reuses its connections to an endpoint. node:http
// rather than fetch: under real-time authorization load, fetch's per-request machinery was an
// eighth of the sandbox's CPU. An idle connection is dropped after IDLE_MS, before a Node server's
// default 5 s closes it (node's agent honours a server's Keep-Alive hint only under its own timeout).
const IDLE_MS = 4000;
const agents = {
  "http:": new HttpAgent({ keepAlive: true, timeout: IDLE_MS }),
  "https:": new HttpsAgent({ keepAlive: true, timeout: IDLE_MS }),
};
// A kept connection the endpoint closed just as it was reused fails before the request reached it:
// sent again on another connection, this many times at most.
const STALE_RETRIES = 2;

/** POSTs a signed JSON body the way Stripe calls webhook endpoints, event destinations and real-time authorization endpoints. */
export async function postSigned(
  target: { url: string; secret: string },
  body: string,
  signal: AbortSignal,
): Promise<EndpointAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postOnce(target, body, signal);
    } catch (err) {
      const stale = (err as { staleSocket?: boolean }).staleSocket === true;
      if (!stale || attempt >= STALE_RETRIES || signal.aborted) throw err;
    }
  }
}

function postOnce(target: { url: string; secret: string }, body: string, signal: AbortSignal): Promise<EndpointAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(target.url);
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return reject(new Error(`Unsupported endpoint protocol ${url.protocol}`));
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: "POST",
        agent: agents[url.protocol],
        signal,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "stripe-signature": signatureHeader(body, target.secret),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        // Aborted (the caller's timeout) or cut off mid-body: never leave the caller waiting.
        res.on(
          "close",
          () => res.complete || reject(new Error("The connection closed before the answer was complete")),
        );
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            header: (name) => {
              const v = res.headers[name.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
            },
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      // Node's documented case: a reused connection reset before any answer came back.
      if (req.reusedSocket && (err.code === "ECONNRESET" || err.code === "EPIPE"))
        Object.assign(err, { staleSocket: true });
      reject(err);
    });
    req.end(body);
  });
}
