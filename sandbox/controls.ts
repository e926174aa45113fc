import type { IncomingMessage, ServerResponse } from "node:http";
import type { Kernel } from "./kernel";
import type { Dispatcher } from "./events/dispatcher";
import { parseForm } from "./wire/form";
import { setKycOutcome } from "./resources/accounts/verifier";
import { ledgerViolations } from "./ledger/invariants";
import { moneyControl } from "./money-controls";
import { issuingControl } from "./resources/issuing/controls";
import { setAuthorizationEndpoint } from "./resources/issuing/rta";
import { startupReceivers } from "./events/startup-receivers";
import { setPlatformCapabilities } from "./resources/accounts/platform";
import type { Mailbox } from "./mailbox";

export type ControlDeps = {
  kernel: Kernel;
  dispatcher: Dispatcher;
  dataDir: string;
  /** Drops all state, reseeds ids, re-creates the platform and the start-up receivers. */
  reset(seed?: string): Promise<void>;
  /** The local SMTP receiver, if it is running. */
  mailbox?: Mailbox | null;
};

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8").trim();
  if (!raw) return {};
  if (raw.startsWith("{")) return JSON.parse(raw) as Record<string, unknown>;
  return parseForm(raw);
}

const num = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : Number(v));
const bool = (v: unknown) => (v === undefined ? undefined : v === true || v === "true");

/** Sandbox-only controls. They live under `/_sandbox/…` and never under /v1 or /v2. */
export async function handleControl(req: IncomingMessage, res: ServerResponse, deps: ControlDeps): Promise<void> {
  const { kernel } = deps;
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const method = req.method ?? "GET";
  try {
    if (pathname === "/_sandbox/health")
      return json(res, 200, { status: "ok", data_dir: deps.dataDir, platform: kernel.platformId() });
    if (pathname === "/_sandbox/reset" && method === "POST") {
      const p = await readParams(req);
      await deps.reset(typeof p.seed === "string" ? p.seed : undefined);
      return json(res, 200, { status: "reset", platform: kernel.platformId() });
    }
    if (pathname === "/_sandbox/clock") {
      if (method === "POST") {
        const p = await readParams(req);
        await kernel.clock.set({ advance_seconds: num(p.advance_seconds), to: num(p.to), frozen: bool(p.frozen) });
      }
      return json(res, 200, { now: kernel.clock.now(), iso: kernel.clock.iso() });
    }
    if (pathname === "/_sandbox/config") {
      if (method === "POST") {
        const p = await readParams(req);
        const c = kernel.config;
        c.verificationDelayMs = num(p.verification_delay_ms) ?? c.verificationDelayMs;
        c.webhookRetryBaseMs = num(p.webhook_retry_base_ms) ?? c.webhookRetryBaseMs;
        c.webhookRetryMaxMs = num(p.webhook_retry_max_ms) ?? c.webhookRetryMaxMs;
        if (p.default_kyc === "approve" || p.default_kyc === "reject" || p.default_kyc === "pending")
          c.defaultKyc = p.default_kyc;
        c.treasuryActivationDelayMs = num(p.treasury_activation_delay_ms) ?? c.treasuryActivationDelayMs;
        // null, "off" or "never": settled by the /_sandbox/topups|payouts controls only.
        const settle = (v: unknown, current: number | null) =>
          v === undefined ? current : v === null || v === "off" || v === "never" ? null : (num(v) ?? current);
        c.topupSettleMs = settle(p.topup_settle_ms, c.topupSettleMs);
        c.payoutSettleMs = settle(p.payout_settle_ms, c.payoutSettleMs);
        // `{"fx_rates": {"usd:usdc": 0.998}}`: units of the second currency per unit of the first.
        // The real-time authorization endpoint (Stripe: Dashboard → Issuing settings): its own URL and secret.
        if (p.rta_url !== undefined)
          setAuthorizationEndpoint(
            c,
            p.rta_url === null ? null : String(p.rta_url),
            p.rta_secret ? String(p.rta_secret) : null,
          );
        else if (p.rta_secret && c.rtaUrl) c.rtaSecret = String(p.rta_secret);
        c.rtaTimeoutMs = num(p.rta_timeout_ms) ?? c.rtaTimeoutMs;
        if (p.rta_on_timeout === "approve" || p.rta_on_timeout === "decline") c.rtaOnTimeout = p.rta_on_timeout;
        if (p.rta_on_error === "approve" || p.rta_on_error === "decline") c.rtaOnError = p.rta_on_error;
        c.issuingDefaultDailyLimit = num(p.issuing_default_daily_limit) ?? c.issuingDefaultDailyLimit;
        if (
          p.issuing_dispute_outcome === "won" ||
          p.issuing_dispute_outcome === "lost" ||
          p.issuing_dispute_outcome === "manual"
        )
          c.issuingDisputeOutcome = p.issuing_dispute_outcome;
        if (p.fx_rates && typeof p.fx_rates === "object")
          for (const [pair, rate] of Object.entries(p.fx_rates)) if (Number(rate) > 0) c.fxRates[pair] = Number(rate);
      }
      return json(res, 200, kernel.config);
    }
    const kyc = /^\/_sandbox\/accounts\/([^/]+)\/kyc$/.exec(pathname);
    if (kyc && method === "POST") {
      const p = await readParams(req);
      const outcome = p.outcome;
      if (outcome !== "approve" && outcome !== "reject" && outcome !== "pending")
        return json(res, 400, { error: { message: "outcome must be approve, reject or pending" } });
      const row = await setKycOutcome(kernel, decodeURIComponent(kyc[1] ?? ""), outcome);
      if (!row) return json(res, 404, { error: { message: "No such account" } });
      return json(res, 200, { account: row.data.id, kyc: row.extra.kyc, capabilities: row.data.capabilities });
    }
    if (
      pathname.startsWith("/_sandbox/treasury/") ||
      pathname.startsWith("/_sandbox/v2/") ||
      pathname.startsWith("/_sandbox/topups/") ||
      pathname.startsWith("/_sandbox/payouts/")
    ) {
      const answer = await moneyControl(kernel, method, pathname, method === "POST" ? await readParams(req) : {});
      if (answer) return json(res, answer.status, answer.body);
    }
    if (pathname.startsWith("/_sandbox/issuing/")) {
      const answer = await issuingControl(kernel, method, pathname, method === "POST" ? await readParams(req) : {});
      if (answer) return json(res, answer.status, answer.body);
    }
    // The mail the app sent in sandbox mode (`?to=` for one address), newest first.
    if (pathname === "/_sandbox/mail" && method === "GET") {
      if (!deps.mailbox) return json(res, 404, { error: { message: "The sandbox mailbox is not running." } });
      const to = new URL(req.url ?? "/", "http://sandbox").searchParams.get("to") ?? undefined;
      return json(res, 200, { object: "list", data: deps.mailbox.list(to) });
    }
    if (pathname === "/_sandbox/receivers" && method === "GET") return json(res, 200, startupReceivers(kernel));
    // The ledger rechecked from its journals (ledger/invariants.ts), for tests of a running sandbox.
    if (pathname === "/_sandbox/ledger/violations" && method === "GET")
      return json(res, 200, { violations: ledgerViolations(kernel.store) });
    if (pathname === "/_sandbox/platform" && method === "POST") {
      const p = await readParams(req);
      return json(res, 200, { capabilities: await setPlatformCapabilities(kernel, p.capabilities) });
    }
    if (pathname === "/_sandbox/webhooks" && method === "GET")
      return json(res, 200, { pending_deliveries: deps.dispatcher.pendingCount() });
    if (pathname === "/_sandbox/webhooks/retry" && method === "POST")
      return json(res, 200, { retried: await deps.dispatcher.retryNow() });
    return json(res, 404, {
      error: { type: "invalid_request_error", message: `Unrecognized sandbox control (${method}: ${pathname}).` },
    });
  } catch (err) {
    return json(res, 400, { error: { message: err instanceof Error ? err.message : String(err) } });
  }
}
