import Stripe from "stripe";
import {
  RECEIVERS,
  SIGNING_SECRET_RE,
  SNAPSHOT_EVENT_TYPES,
  THIN_EVENT_TYPES,
  V1_API_VERSION,
  type ReceiverKind,
} from "@/lib/events/receivers";
import { V2_PREVIEW_VERSION } from "./v2";

// No "server-only": `npm run stripe:doctor` runs this from the command line.

/**
 * `npm run stripe:doctor`: checks a Stripe configuration against what the app needs (keys, the
 * API, the platform's capabilities, the three receivers and their secrets) and says what to fix.
 * Everything it reads comes from the API; what the API cannot show (the real-time authorization
 * endpoint's URL, a secret Stripe showed once) it says it cannot check.
 */
/** `skipped`: its input is missing (no key, no API); it neither passes nor counts as another failure. */
export type CheckStatus = "ok" | "fail" | "note" | "skipped";
export type Check = { id: string; title: string; status: CheckStatus; lines: string[] };
export type DoctorEnv = Record<string, string | undefined>;

type Json = Record<string, unknown>;
type Destination = {
  id: string;
  status?: string;
  event_payload?: string;
  events_from?: string[];
  enabled_events?: string[];
  snapshot_api_version?: string | null;
  webhook_endpoint?: { url?: string } | null;
};

const SECRET_KEY_RE = /^(sk|rk)_(test|live)_[A-Za-z0-9]{16,}$/;
const PUBLISHABLE_KEY_RE = /^pk_(test|live)_[A-Za-z0-9]{16,}$/;
/** The platform capabilities the product needs: Issuing for every card, Treasury for US financial accounts. */
const CAPABILITIES = ["card_issuing", "treasury"] as const;
/** `events_from` spellings: the preview version's and the GA version's. */
const SELF = new Set(["self", "@self"]);
const CONNECTED = new Set(["other_accounts", "@accounts"]);

const mask = (key: string) => `${key.slice(0, key.indexOf("_", 3) + 1)}…${key.slice(-4)}`;
const modeOf = (key: string) => (/_live_/.test(key) ? "live" : "test");

function client(env: DoctorEnv, key: string): Stripe {
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  const host = base
    ? {
        host: base.hostname,
        port: Number(base.port || (base.protocol === "http:" ? 80 : 443)),
        protocol: base.protocol === "http:" ? ("http" as const) : ("https" as const),
      }
    : {};
  return new Stripe(key, {
    maxNetworkRetries: 0,
    timeout: 15_000,
    appInfo: { name: "Issuing Console stripe:doctor" },
    ...host,
  });
}

function describeError(err: unknown): string {
  const e = err as { type?: string; statusCode?: number; message?: string; code?: string };
  if (e?.type === "StripeAuthenticationError" || e?.statusCode === 401)
    return `Stripe refused the key (${e.message ?? "authentication error"})`;
  if (e?.type === "StripeConnectionError") return `could not connect (${e.message ?? "connection error"})`;
  return `${e?.statusCode ? `HTTP ${e.statusCode}: ` : ""}${e?.message ?? String(err)}`;
}

async function v2List(stripe: Stripe, path: string): Promise<Json[]> {
  const out: Json[] = [];
  let url: string | null = path;
  for (let page = 0; url && page < 20; page++) {
    const res = (await stripe.rawRequest("GET", url, undefined, { apiVersion: V2_PREVIEW_VERSION })) as unknown as {
      data?: Json[];
      next_page_url?: string | null;
    };
    out.push(...(res.data ?? []));
    url = res.next_page_url ?? null;
  }
  return out;
}

/** Does `url` reach this route (of the app at `appUrl`, when given)? */
function pointsAt(url: string | undefined, path: string, appUrl?: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    if (u.pathname.replace(/\/+$/, "") !== path) return false;
    return !appUrl || u.origin === new URL(appUrl).origin;
  } catch {
    return false;
  }
}

function keyChecks(env: DoctorEnv): { checks: Check[]; key: string | null } {
  const checks: Check[] = [];
  const key = env.STRIPE_SECRET_KEY ?? "";
  if (!key) {
    checks.push({
      id: "secret-key",
      title: "Secret key",
      status: "fail",
      lines: [
        "STRIPE_SECRET_KEY is not set (without it the app runs against its own sandbox).",
        "Set it to the secret key of a Stripe sandbox (Dashboard → Developers → API keys): sk_test_… . Legacy test mode has no v2 APIs.",
      ],
    });
  } else if (!SECRET_KEY_RE.test(key)) {
    checks.push({
      id: "secret-key",
      title: "Secret key",
      status: "fail",
      lines: [
        `STRIPE_SECRET_KEY (${mask(key)}) is not a Stripe secret key: expected sk_test_…, sk_live_… (or a restricted rk_…) followed by letters and digits.`,
      ],
    });
  } else {
    const restricted = key.startsWith("rk_")
      ? " (restricted: it needs write access to Connect, Issuing, Treasury, v2 money management and event destinations)"
      : "";
    checks.push({
      id: "secret-key",
      title: "Secret key",
      status: "ok",
      lines: [`${mask(key)}, ${modeOf(key)} mode${restricted}`],
    });
  }
  const pk = env.STRIPE_PUBLISHABLE_KEY ?? "";
  if (!pk)
    checks.push({
      id: "publishable-key",
      title: "Publishable key",
      status: "fail",
      lines: [
        "STRIPE_PUBLISHABLE_KEY is not set: the embedded components start with it. Use the pk_… key shown beside the secret key.",
      ],
    });
  else if (!PUBLISHABLE_KEY_RE.test(pk))
    checks.push({
      id: "publishable-key",
      title: "Publishable key",
      status: "fail",
      lines: [`STRIPE_PUBLISHABLE_KEY (${mask(pk)}) is not a publishable key: expected pk_test_… or pk_live_….`],
    });
  else if (key && SECRET_KEY_RE.test(key) && modeOf(pk) !== modeOf(key))
    checks.push({
      id: "publishable-key",
      title: "Publishable key",
      status: "fail",
      lines: [
        `STRIPE_PUBLISHABLE_KEY is a ${modeOf(pk)}-mode key and STRIPE_SECRET_KEY a ${modeOf(key)}-mode one: use the pair from the same account and mode.`,
      ],
    });
  else
    checks.push({
      id: "publishable-key",
      title: "Publishable key",
      status: "ok",
      lines: [`${mask(pk)}, ${modeOf(pk)} mode`],
    });
  return { checks, key: checks[0]?.status === "ok" ? key : null };
}

function secretChecks(env: DoctorEnv): Check {
  const lines: string[] = [];
  const seen = new Map<string, string>();
  for (const r of Object.values(RECEIVERS)) {
    const value = env[r.secretEnv] ?? "";
    if (!value) lines.push(`${r.secretEnv} is not set: copy the signing secret of ${r.what}.`);
    else if (!SIGNING_SECRET_RE.test(value))
      lines.push(`${r.secretEnv} is not a signing secret: expected whsec_… as Stripe shows it (no quotes or spaces).`);
    else if (seen.has(value))
      lines.push(
        `${r.secretEnv} is the same as ${seen.get(value)}: each receiver has its own secret in Stripe, so one of them is wrong.`,
      );
    seen.set(value, r.secretEnv);
  }
  return lines.length
    ? { id: "secrets", title: "Signing secrets", status: "fail", lines }
    : {
        id: "secrets",
        title: "Signing secrets",
        status: "ok",
        lines: [
          `${Object.values(RECEIVERS)
            .map((r) => r.secretEnv)
            .join(
              ", ",
            )}: set, well-formed, distinct (Stripe shows a secret only once, so whether each is the right one shows only in deliveries)`,
        ],
      };
}

function destinationCheck(
  kind: "snapshot" | "thin",
  destinations: Destination[],
  appUrl: string | undefined,
  live: boolean,
): Check {
  const receiver = RECEIVERS[kind];
  const title = kind === "snapshot" ? "Snapshot event destination (v1 events)" : "Thin event destination (v2 events)";
  const needed: readonly string[] = kind === "snapshot" ? SNAPSHOT_EVENT_TYPES : THIN_EVENT_TYPES;
  const id = `${kind}-destination`;
  const at = destinations.filter((d) => pointsAt(d.webhook_endpoint?.url, receiver.path, appUrl));
  const create = [
    `Create one (Workbench → Webhooks → Add destination, or POST /v2/core/event_destinations): ${receiver.what},`,
    `URL ${appUrl ? new URL(receiver.path, appUrl).toString() : `<your app's URL>${receiver.path}`}, these ${needed.length} event types: ${needed.join(", ")}.`,
    `Then set ${receiver.secretEnv} to its signing secret.`,
  ];
  if (at.length === 0)
    return {
      id,
      title,
      status: "fail",
      lines: [
        `No event destination sends to ${receiver.path}${appUrl ? ` on ${new URL(appUrl).origin}` : ""}.`,
        ...create,
      ],
    };
  const enabled = at.filter((d) => d.status === "enabled");
  if (enabled.length > 1)
    return {
      id,
      title,
      status: "fail",
      lines: [
        `${enabled.length} enabled destinations send to ${receiver.path} (${enabled.map((d) => d.id).join(", ")}): each signs with its own secret and the route verifies with one (${receiver.secretEnv}). Keep one, delete the others.`,
      ],
    };
  const d = enabled[0] ?? at[0]!;
  const lines: string[] = [];
  if (d.status !== "enabled")
    lines.push(`${d.id} is ${d.status ?? "not enabled"}: enable it (POST /v2/core/event_destinations/${d.id}/enable).`);
  if (d.event_payload !== kind)
    lines.push(
      `${d.id} sends ${d.event_payload ?? "unknown"} payloads, and this route takes ${kind} ones. The payload style is fixed at creation: delete it and create a ${kind} destination.`,
    );
  const from = d.events_from ?? [];
  if (!from.some((f) => SELF.has(f)) || !from.some((f) => CONNECTED.has(f))) {
    lines.push(
      `${d.id} takes events from ${from.length ? from.join(" and ") : "its own account only"}; the app needs both your account's and your connected accounts' (events_from: self and other_accounts). events_from is fixed at creation: recreate it.`,
    );
  }
  const enabledEvents = new Set(d.enabled_events ?? []);
  const missing = needed.filter((t) => !enabledEvents.has(t));
  if (missing.length)
    lines.push(
      `${d.id} is missing ${missing.length} event type(s) the app applies: ${missing.join(", ")}. Add them (POST /v2/core/event_destinations/${d.id} with the full enabled_events list).`,
    );
  if (kind === "snapshot") {
    if (d.snapshot_api_version !== V1_API_VERSION)
      lines.push(
        `${d.id} renders events at ${d.snapshot_api_version ? d.snapshot_api_version : "the account's default API version"}; the app reads v1 objects at ${V1_API_VERSION}. snapshot_api_version is fixed at creation: recreate it with ${V1_API_VERSION}.`,
      );
    if (enabledEvents.has("issuing_authorization.request"))
      lines.push(
        `${d.id} subscribes to issuing_authorization.request: Stripe asks the real-time authorization endpoint for decisions; this receiver only acknowledges the event. Remove it from enabled_events.`,
      );
  }
  if (live && d.webhook_endpoint?.url && !d.webhook_endpoint.url.startsWith("https://"))
    lines.push(`${d.id} posts to ${d.webhook_endpoint.url}: live mode needs an https URL.`);
  if (lines.length) return { id, title, status: "fail", lines };
  return {
    id,
    title,
    status: "ok",
    lines: [
      `${d.id} → ${d.webhook_endpoint?.url}: ${kind} payload, events from your account and connected accounts, all ${needed.length} event types${kind === "snapshot" ? `, API version ${V1_API_VERSION}` : ""}`,
    ],
  };
}

/** Runs every check; each failed one's lines say what to change. A check whose input is missing (no key) is skipped, not passed. */
export async function runDoctor(env: DoctorEnv, opts: { appUrl?: string } = {}): Promise<Check[]> {
  const appUrl = opts.appUrl || env.APP_URL || undefined;
  const { checks, key } = keyChecks(env);
  checks.push(secretChecks(env));
  const skipped = (id: string, title: string, why: string): Check => ({
    id,
    title,
    status: "skipped",
    lines: [`Not checked: ${why}.`],
  });
  const apiDependent = [
    ["capabilities", "Platform capabilities"],
    ["v2-api", "v2 API (event destinations, money management)"],
    ["snapshot-destination", "Snapshot event destination (v1 events)"],
    ["thin-destination", "Thin event destination (v2 events)"],
    ["webhook-endpoints", "v1 webhook endpoints"],
  ] as const;
  const authorization: Check = {
    id: "authorization-endpoint",
    title: "Real-time authorization endpoint",
    status: "note",
    lines: [
      `Stripe does not show this endpoint through the API, so check it in Dashboard → Settings → Issuing → Real-time authorizations: URL ${appUrl ? new URL(RECEIVERS.authorizations.path, appUrl).toString() : `<your app's URL>${RECEIVERS.authorizations.path}`}, and ${RECEIVERS.authorizations.secretEnv} set to the secret shown there.`,
    ],
  };
  if (!key) {
    checks.push({ id: "api", title: "Stripe API", status: "fail", lines: ["Not checked: no usable secret key."] });
    for (const [id, title] of apiDependent) checks.push(skipped(id, title, "no usable secret key"));
    checks.push(authorization);
    return checks;
  }
  const stripe = client(env, key);
  const live = modeOf(key) === "live";
  const base = env.STRIPE_API_BASE || "https://api.stripe.com";
  let platform: Stripe.Account;
  try {
    platform = await stripe.accounts.retrieveCurrent();
    checks.push({
      id: "api",
      title: "Stripe API",
      status: "ok",
      lines: [`${base} answers; platform ${platform.id}${platform.country ? ` (${platform.country})` : ""}`],
    });
  } catch (err) {
    checks.push({
      id: "api",
      title: "Stripe API",
      status: "fail",
      lines: [
        `GET ${base}/v1/account: ${describeError(err)}.`,
        env.STRIPE_API_BASE ? "Check STRIPE_API_BASE, or unset it to reach Stripe." : "Check the key and the network.",
      ],
    });
    for (const [id, title] of apiDependent) checks.push(skipped(id, title, "the API did not answer"));
    checks.push(authorization);
    return checks;
  }

  const caps = platform.capabilities ?? {};
  const missingCaps = CAPABILITIES.filter((c) => caps[c] !== "active");
  checks.push(
    missingCaps.length
      ? {
          id: "capabilities",
          title: "Platform capabilities",
          status: "fail",
          lines: missingCaps.map(
            (c) =>
              `${c} is ${caps[c] ?? "not requested"} on ${platform.id}; the product needs it active (${c === "card_issuing" ? "every card" : "US financial accounts"}). Ask Stripe to enable it for the platform.`,
          ),
        }
      : {
          id: "capabilities",
          title: "Platform capabilities",
          status: "ok",
          lines: [CAPABILITIES.map((c) => `${c} active`).join(", ")],
        },
  );

  let destinations: Destination[] | null = null;
  try {
    destinations = (await v2List(
      stripe,
      "/v2/core/event_destinations?include[0]=webhook_endpoint.url&limit=100",
    )) as unknown as Destination[];
    checks.push({
      id: "v2-api",
      title: "v2 API (event destinations, money management)",
      status: "ok",
      lines: [`answers at ${V2_PREVIEW_VERSION}; ${destinations.length} event destination(s)`],
    });
  } catch (err) {
    checks.push({
      id: "v2-api",
      title: "v2 API (event destinations, money management)",
      status: "fail",
      lines: [
        `GET /v2/core/event_destinations: ${describeError(err)}.`,
        "Use the keys of a Stripe sandbox (or live mode): legacy test mode doesn't support v2 APIs, and the stablecoin endpoints need the 2025-12-15.preview access Stripe grants.",
      ],
    });
  }
  if (destinations) {
    checks.push(
      destinationCheck("snapshot", destinations, appUrl, live),
      destinationCheck("thin", destinations, appUrl, live),
    );
    const atRta = destinations.filter((d) => pointsAt(d.webhook_endpoint?.url, RECEIVERS.authorizations.path, appUrl));
    if (atRta.length)
      authorization.lines.unshift(
        ...atRta.map(
          (d) =>
            `Event destination ${d.id} sends to ${RECEIVERS.authorizations.path}, which answers real-time requests only: point it at ${RECEIVERS[(d.event_payload === "thin" ? "thin" : "snapshot") as ReceiverKind].path} or delete it.`,
        ),
      );
  } else {
    checks.push(
      skipped("snapshot-destination", "Snapshot event destination (v1 events)", "the v2 API did not answer"),
      skipped("thin-destination", "Thin event destination (v2 events)", "the v2 API did not answer"),
    );
  }

  try {
    const endpoints = await stripe.webhookEndpoints.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
    const ours = endpoints.filter(
      (e) => e.status === "enabled" && Object.values(RECEIVERS).some((r) => pointsAt(e.url, r.path, appUrl)),
    );
    checks.push(
      ours.length
        ? {
            id: "webhook-endpoints",
            title: "v1 webhook endpoints",
            status: "fail",
            lines: ours.map(
              (e) =>
                `${e.id} sends to ${new URL(e.url).pathname}: a v1 webhook endpoint signs with its own secret (which that route does not have) and gets either your account's or your connected accounts' events, never both. Delete it; the event destinations above replace it.`,
            ),
          }
        : {
            id: "webhook-endpoints",
            title: "v1 webhook endpoints",
            status: "ok",
            lines: [`none sends to the app's receivers (${endpoints.length} in all)`],
          },
    );
  } catch (err) {
    checks.push({
      id: "webhook-endpoints",
      title: "v1 webhook endpoints",
      status: "fail",
      lines: [`GET /v1/webhook_endpoints: ${describeError(err)}.`],
    });
  }
  if (authorization.lines.length > 1) authorization.status = "fail";
  checks.push(authorization);
  return checks;
}

export const failed = (checks: Check[]) => checks.filter((c) => c.status === "fail");

export function formatReport(checks: Check[]): string {
  const mark = { ok: "✓", fail: "✗", note: "i", skipped: "-" } as const;
  const out: string[] = [];
  for (const c of checks) {
    out.push(`${mark[c.status]} ${c.title}`);
    for (const line of c.lines) out.push(`    ${line}`);
  }
  const bad = failed(checks);
  out.push(
    "",
    bad.length
      ? `${bad.length} check(s) failed: fix what is listed under ✗ and run npm run stripe:doctor again.`
      : checks.some((c) => c.status === "skipped")
        ? "Some checks could not run."
        : "The configuration has what the app needs.",
  );
  return out.join("\n");
}
