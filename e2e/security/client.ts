// An actor: one cookie jar (a Playwright request context) that calls server actions and routes
// over HTTP exactly as the browser would.
import { readFileSync } from "node:fs";
import path from "node:path";
import { request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ROOT } from "./inventory";
import { actionReturnValue, encodeArgs, type ActionArg } from "./rsc";

export type ActionRef = { id: string; workers: string[] };

/**
 * `<file>#<export>` → action id, from the build under test (`.next/server/server-reference-manifest.json`;
 * `E2E_NEXT_DIR` points elsewhere when the app under test was built in another checkout).
 */
export function loadActionIds(nextDir = process.env.E2E_NEXT_DIR ?? path.join(ROOT, ".next")): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const ids = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node))
    ids.set(`${entry.filename}#${entry.exportedName}`, { id, workers: Object.keys(entry.workers) });
  return ids;
}

export type Answer = {
  status: number;
  /** `location` of an HTTP redirect (the proxy sends signed-out users to sign-in). */
  location: string | null;
  /** Where an action's `redirect()` sends the browser (`x-action-redirect`, without `;push`). */
  actionRedirect: string | null;
  contentType: string;
  body: string;
  /** The action's returned value, when the answer is an RSC stream holding one. */
  result: unknown;
};

const BOUNDARY = "----issuing-console-security-e2e";

/**
 * One connection per request: a kept-alive socket left idle for the server's keep-alive timeout
 * can be closed by the server just as the next request reuses it (ECONNRESET under load).
 */
const FRESH_CONNECTION = { connection: "close" };

let addresses = 0;
/**
 * A network address of the actor's own (the test server trusts one proxy, so the x-forwarded-for a client sends):
 * fuzzed wrong passwords count against that address, and would otherwise block 127.0.0.1, where
 * every browser test signs in. The process id keeps parallel workers apart.
 */
function ownAddress(): string {
  addresses++;
  return `10.${process.pid % 256}.${(addresses >> 8) % 256}.${addresses % 256}`;
}

/** A multipart/form-data body from ordered fields. */
export function multipartBody(fields: ReadonlyArray<readonly [string, string]>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n`),
      Buffer.from(value, "utf8"),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

export class Actor {
  constructor(
    readonly name: string,
    readonly ctx: APIRequestContext,
    readonly baseURL: string,
    private readonly headers: Record<string, string>,
  ) {}

  /** `headers` go with every request (e.g. an x-forwarded-for naming the actor's own network). */
  static async create(name: string, baseURL: string, headers: Record<string, string> = {}): Promise<Actor> {
    const all = { ...FRESH_CONNECTION, "x-forwarded-for": ownAddress(), ...headers };
    return new Actor(name, await request.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: all }), baseURL, all);
  }

  /** Another cookie jar with this actor's session (for calls that end it, like signing out). */
  async clone(name = `${this.name} (copy)`): Promise<Actor> {
    return new Actor(
      name,
      await request.newContext({
        baseURL: this.baseURL,
        maxRedirects: 0,
        extraHTTPHeaders: this.headers,
        storageState: await this.ctx.storageState(),
      }),
      this.baseURL,
      this.headers,
    );
  }

  get origin(): string {
    return new URL(this.baseURL).origin;
  }

  /** Calls action `id` from `page` with `args` (React's reply encoding), as the browser does. */
  async action(id: string, page: string, args: readonly ActionArg[]): Promise<Answer> {
    const encoded = encodeArgs(args);
    const headers = { "next-action": id, origin: this.origin, accept: "text/x-component" };
    const res =
      encoded.contentType === "multipart"
        ? await this.ctx.post(page, {
            headers: { ...headers, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
            data: multipartBody(encoded.multipart),
          })
        : await this.ctx.post(page, {
            headers: { ...headers, "content-type": encoded.contentType },
            data: encoded.body,
          });
    return answer(res);
  }

  /** A raw action POST (for malformed bodies and content types). */
  async rawAction(id: string, page: string, contentType: string, body: string | Buffer): Promise<Answer> {
    return answer(
      await this.ctx.post(page, {
        headers: { "next-action": id, origin: this.origin, accept: "text/x-component", "content-type": contentType },
        data: body,
      }),
    );
  }

  async get(url: string): Promise<Answer> {
    return answer(await this.ctx.get(url));
  }

  async post(url: string, init: { headers?: Record<string, string>; data?: string | Buffer } = {}): Promise<Answer> {
    return answer(await this.ctx.post(url, { headers: { origin: this.origin, ...init.headers }, data: init.data }));
  }

  async dispose(): Promise<void> {
    await this.ctx.dispose();
  }
}

async function answer(res: APIResponse): Promise<Answer> {
  const headers = res.headers();
  const body = await res.text();
  const contentType = headers["content-type"] ?? "";
  return {
    status: res.status(),
    location: headers["location"] ?? null,
    actionRedirect: headers["x-action-redirect"]?.split(";")[0] ?? null,
    contentType,
    body,
    result: contentType.includes("text/x-component") ? actionReturnValue(body) : undefined,
  };
}

/** The error code an action answered with: `ActionResult` (`{ok:false,error}`) or a form state (`{error}`). */
export function errorCode(result: unknown): string | null {
  if (!result || typeof result !== "object") return null;
  const error = (result as { error?: { code?: unknown } }).error;
  return error && typeof error.code === "string" ? error.code : null;
}

export function isOk(result: unknown): boolean {
  if (!result || typeof result !== "object") return false;
  const r = result as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === undefined && r.error === undefined);
}
