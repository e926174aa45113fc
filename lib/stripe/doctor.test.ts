import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RECEIVERS, SNAPSHOT_EVENT_TYPES, THIN_EVENT_TYPES, V1_API_VERSION } from "@/lib/events/receivers";
import { v2Request } from "@/lib/stripe/v2";
import { receiverSecrets, sandboxReceiverEnv } from "@/testing/receivers";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { failed, runDoctor, type Check, type DoctorEnv } from "./doctor";

// `npm run stripe:doctor` against the sandbox: a configuration made the way README's "Running
// against Stripe" says passes, and each check reports its own misconfiguration.
const APP = "http://127.0.0.1:3000";
const KEY = `sk_test_${"Doctor".repeat(5)}`;
const PK = `pk_test_${"Doctor".repeat(5)}`;
let sandbox: SandboxProcess;

before(async () => {
  sandbox = await startSandboxProcess();
});
after(async () => {
  await sandbox.stop();
});

type Body = Record<string, unknown>;
const destination = (payload: "snapshot" | "thin", over: Body = {}): Body => ({
  name: `Issuing Console ${payload}`,
  type: "webhook_endpoint",
  event_payload: payload,
  events_from: ["self", "other_accounts"],
  enabled_events: payload === "snapshot" ? [...SNAPSHOT_EVENT_TYPES] : [...THIN_EVENT_TYPES],
  ...(payload === "snapshot" ? { snapshot_api_version: V1_API_VERSION } : {}),
  webhook_endpoint: { url: `${APP}${RECEIVERS[payload].path}` },
  include: ["webhook_endpoint.signing_secret"],
  ...over,
});

async function create(body: Body): Promise<{ id: string; secret: string }> {
  const d = await v2Request(sandbox.stripe, "POST", "/v2/core/event_destinations", body);
  return { id: String(d.id), secret: String(d.webhook_endpoint?.signing_secret) };
}

/** A fresh platform with the two destinations as README says (or as `over` changes them) and the env the app would have. */
async function configure(over: { snapshot?: Body | null; thin?: Body | null } = {}): Promise<DoctorEnv> {
  await sandbox.control("/_sandbox/reset", {});
  const snapshot = over.snapshot === null ? null : await create(destination("snapshot", over.snapshot));
  const thin = over.thin === null ? null : await create(destination("thin", over.thin));
  return {
    STRIPE_SECRET_KEY: KEY,
    STRIPE_PUBLISHABLE_KEY: PK,
    STRIPE_API_BASE: sandbox.url,
    STRIPE_AUTHORIZATION_SECRET: "whsec_doctor_real_time_authorizations",
    STRIPE_SNAPSHOT_WEBHOOK_SECRET: snapshot?.secret ?? "whsec_doctor_snapshot_never_created",
    STRIPE_THIN_WEBHOOK_SECRET: thin?.secret ?? "whsec_doctor_thin_never_created",
  };
}

const byId = (checks: Check[], id: string): Check => {
  const c = checks.find((x) => x.id === id);
  assert.ok(c, `a ${id} check`);
  return c;
};
/** Runs the doctor and asserts that exactly these checks fail, the first matching `pattern`. */
async function expectFailure(env: DoctorEnv, ids: string[], pattern: RegExp, appUrl?: string): Promise<Check[]> {
  const checks = await runDoctor(env, { appUrl });
  assert.deepEqual(
    failed(checks)
      .map((c) => c.id)
      .sort(),
    [...ids].sort(),
    JSON.stringify(failed(checks), null, 2),
  );
  const first = byId(checks, ids[0]!);
  assert.match(first.lines.join("\n"), pattern);
  return checks;
}

test("a configuration made as README says passes every check, and the script exits 0; one mistake makes it exit 1 and say what to fix", async () => {
  const env = await configure();
  const checks = await runDoctor(env, { appUrl: APP });
  assert.deepEqual(failed(checks), []);
  assert.deepEqual(
    checks.map((c) => [c.id, c.status]),
    [
      ["secret-key", "ok"],
      ["publishable-key", "ok"],
      ["secrets", "ok"],
      ["api", "ok"],
      ["capabilities", "ok"],
      ["v2-api", "ok"],
      ["snapshot-destination", "ok"],
      ["thin-destination", "ok"],
      ["webhook-endpoints", "ok"],
      ["authorization-endpoint", "note"],
    ],
  );
  assert.match(byId(checks, "authorization-endpoint").lines.join(" "), /Dashboard → Settings → Issuing/);

  const run = (over: DoctorEnv) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/stripe-doctor.ts", "--app-url", APP], {
      env: { ...process.env, ...env, ...over },
      encoding: "utf8",
      timeout: 60_000,
    });
  const good = run({});
  assert.equal(good.status, 0, good.stdout + good.stderr);
  assert.match(good.stdout, /The configuration has what the app needs/);
  const bad = run({ STRIPE_THIN_WEBHOOK_SECRET: "not-a-secret" });
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stdout, /✗ Signing secrets\n\s+STRIPE_THIN_WEBHOOK_SECRET is not a signing secret/);
});

test("keys: missing, malformed, and a publishable key of the other mode", async () => {
  const env = await configure();
  const missing = await expectFailure(
    { ...env, STRIPE_SECRET_KEY: undefined },
    ["secret-key", "api"],
    /STRIPE_SECRET_KEY is not set/,
  );
  assert.deepEqual(
    [byId(missing, "snapshot-destination").status, byId(missing, "snapshot-destination").lines[0]],
    ["skipped", "Not checked: no usable secret key."],
  );
  await expectFailure({ ...env, STRIPE_SECRET_KEY: "sk_test_x" }, ["secret-key", "api"], /not a Stripe secret key/);
  await expectFailure(
    { ...env, STRIPE_PUBLISHABLE_KEY: undefined },
    ["publishable-key"],
    /STRIPE_PUBLISHABLE_KEY is not set/,
  );
  await expectFailure({ ...env, STRIPE_PUBLISHABLE_KEY: "pk_x" }, ["publishable-key"], /not a publishable key/);
  await expectFailure(
    { ...env, STRIPE_PUBLISHABLE_KEY: `pk_live_${"Doctor".repeat(5)}` },
    ["publishable-key"],
    /live-mode key and STRIPE_SECRET_KEY a test-mode one/,
  );
});

test("the API: unreachable, and a key Stripe refuses", async () => {
  const env = await configure();
  const closed = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
  const unreachable = await expectFailure(
    { ...env, STRIPE_API_BASE: `http://127.0.0.1:${closed}` },
    ["api"],
    /could not connect[\s\S]*STRIPE_API_BASE/,
  );
  for (const id of ["capabilities", "v2-api", "snapshot-destination", "thin-destination", "webhook-endpoints"])
    assert.equal(byId(unreachable, id).status, "skipped", id);
  // The sandbox takes sk_test_ keys only, as Stripe takes only keys it issued.
  await expectFailure(
    { ...env, STRIPE_SECRET_KEY: `rk_test_${"Doctor".repeat(5)}` },
    ["api"],
    /Stripe refused the key/,
  );
});

test("the platform's capabilities", async () => {
  const env = await configure();
  await sandbox.control("/_sandbox/platform", { capabilities: { card_issuing: "inactive", treasury: null } });
  const checks = await expectFailure(env, ["capabilities"], /card_issuing is inactive/);
  assert.match(byId(checks, "capabilities").lines.join("\n"), /treasury is not requested/);
});

test("the v2 API missing (legacy test mode): reported, and the destinations are not checked", async () => {
  const env = await configure();
  // In front of the sandbox, a proxy that answers every v2 call the way an account without v2 would.
  const proxy: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if ((req.url ?? "").startsWith("/v2/")) {
      res.writeHead(400, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: { type: "invalid_request_error", message: "v2 APIs are not available in test mode." },
        }),
      );
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers)
        .filter(([k]) => !["host", "content-length", "connection"].includes(k))
        .map(([k, v]) => [k, String(v)]),
    );
    const upstream = await fetch(`${sandbox.url}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === "GET" ? undefined : Buffer.concat(chunks),
    });
    res
      .writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" })
      .end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  try {
    const checks = await expectFailure(
      { ...env, STRIPE_API_BASE: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` },
      ["v2-api"],
      /legacy test mode doesn't support v2 APIs/,
    );
    assert.deepEqual(
      [
        byId(checks, "api").status,
        byId(checks, "snapshot-destination").status,
        byId(checks, "thin-destination").status,
      ],
      ["ok", "skipped", "skipped"],
    );
  } finally {
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
  }
});

test("signing secrets: missing, malformed, and one secret for two receivers", async () => {
  const env = await configure();
  await expectFailure(
    { ...env, STRIPE_THIN_WEBHOOK_SECRET: undefined },
    ["secrets"],
    /STRIPE_THIN_WEBHOOK_SECRET is not set/,
  );
  await expectFailure(
    { ...env, STRIPE_SNAPSHOT_WEBHOOK_SECRET: "whsec_short" },
    ["secrets"],
    /STRIPE_SNAPSHOT_WEBHOOK_SECRET is not a signing secret/,
  );
  await expectFailure(
    { ...env, STRIPE_AUTHORIZATION_SECRET: env.STRIPE_SNAPSHOT_WEBHOOK_SECRET },
    ["secrets"],
    /STRIPE_SNAPSHOT_WEBHOOK_SECRET is the same as STRIPE_AUTHORIZATION_SECRET/,
  );
});

test("the snapshot destination: missing, thin payload, one scope, missing types, unpinned version, disabled, two of them, another host", async () => {
  await expectFailure(
    await configure({ snapshot: null }),
    ["snapshot-destination"],
    /No event destination sends to \/api\/webhooks\/stripe\/snapshot[\s\S]*snapshot payload[\s\S]*account\.updated/,
  );
  await expectFailure(
    await configure({
      snapshot: { event_payload: "thin", enabled_events: [...THIN_EVENT_TYPES], snapshot_api_version: undefined },
    }),
    ["snapshot-destination"],
    /sends thin payloads, and this route takes snapshot ones/,
  );
  await expectFailure(
    await configure({ snapshot: { events_from: ["other_accounts"] } }),
    ["snapshot-destination"],
    /takes events from other_accounts; the app needs both/,
  );
  const some = SNAPSHOT_EVENT_TYPES.filter(
    (t) => t !== "issuing_card.updated" && t !== "treasury.received_credit.succeeded",
  );
  await expectFailure(
    await configure({ snapshot: { enabled_events: some } }),
    ["snapshot-destination"],
    /missing 2 event type\(s\) the app applies: issuing_card\.updated, treasury\.received_credit\.succeeded/,
  );
  await expectFailure(
    await configure({ snapshot: { snapshot_api_version: undefined } }),
    ["snapshot-destination"],
    /renders events at the account's default API version; the app reads v1 objects at 2026-10-28\.endive/,
  );
  await expectFailure(
    await configure({ snapshot: { enabled_events: [...SNAPSHOT_EVENT_TYPES, "issuing_authorization.request"] } }),
    ["snapshot-destination"],
    /subscribes to issuing_authorization\.request/,
  );

  const env = await configure();
  const [listed] = (
    await v2Request(sandbox.stripe, "GET", "/v2/core/event_destinations?include[0]=webhook_endpoint.url")
  ).data.filter((d: { event_payload: string }) => d.event_payload === "snapshot");
  await v2Request(sandbox.stripe, "POST", `/v2/core/event_destinations/${listed.id}/disable`);
  await expectFailure(env, ["snapshot-destination"], /is disabled: enable it/);
  await v2Request(sandbox.stripe, "POST", `/v2/core/event_destinations/${listed.id}/enable`);
  await create(destination("snapshot"));
  await expectFailure(
    env,
    ["snapshot-destination"],
    /2 enabled destinations send to \/api\/webhooks\/stripe\/snapshot/,
  );

  await expectFailure(
    await configure(),
    ["snapshot-destination", "thin-destination"],
    /No event destination sends to \/api\/webhooks\/stripe\/snapshot on https:\/\/console\.example\.com/,
    "https://console.example.com",
  );
});

test("the thin destination: missing types, and a snapshot payload at the thin route", async () => {
  await expectFailure(
    await configure({ thin: { enabled_events: THIN_EVENT_TYPES.filter((t) => !t.startsWith("v2.core.account")) } }),
    ["thin-destination"],
    /missing \d+ event type\(s\) the app applies: v2\.core\.account\.closed/,
  );
  await expectFailure(
    await configure({
      thin: {
        event_payload: "snapshot",
        enabled_events: [...SNAPSHOT_EVENT_TYPES],
        snapshot_api_version: V1_API_VERSION,
      },
    }),
    ["thin-destination"],
    /sends snapshot payloads, and this route takes thin ones/,
  );
});

test("receivers pointed at the wrong route: a v1 webhook endpoint at the snapshot route, a destination at the real-time route", async () => {
  const env = await configure();
  await sandbox.stripe.webhookEndpoints.create({
    url: `${APP}${RECEIVERS.snapshot.path}`,
    enabled_events: ["*"],
    connect: true,
  });
  await expectFailure(
    env,
    ["webhook-endpoints"],
    /sends to \/api\/webhooks\/stripe\/snapshot: a v1 webhook endpoint signs with its own secret/,
  );
  const env2 = await configure();
  await create(
    destination("snapshot", { name: "wrong", webhook_endpoint: { url: `${APP}${RECEIVERS.authorizations.path}` } }),
  );
  await expectFailure(
    env2,
    ["authorization-endpoint"],
    /sends to \/api\/webhooks\/stripe\/authorizations, which answers real-time requests only/,
  );
});

test("the receivers the sandbox registers at start-up (npm start) are a configuration the doctor passes", async () => {
  const secrets = receiverSecrets("doctor_startup");
  const urls = {
    authorizations: `${APP}${RECEIVERS.authorizations.path}`,
    snapshot: `${APP}${RECEIVERS.snapshot.path}`,
    thin: `${APP}${RECEIVERS.thin.path}`,
  };
  const started = await startSandboxProcess(sandboxReceiverEnv(urls, secrets));
  try {
    const env = {
      STRIPE_SECRET_KEY: KEY,
      STRIPE_PUBLISHABLE_KEY: PK,
      STRIPE_API_BASE: started.url,
      STRIPE_AUTHORIZATION_SECRET: secrets.authorizations,
      STRIPE_SNAPSHOT_WEBHOOK_SECRET: secrets.snapshot,
      STRIPE_THIN_WEBHOOK_SECRET: secrets.thin,
    };
    assert.deepEqual(failed(await runDoctor(env, { appUrl: APP })), []);
  } finally {
    await started.stop();
  }
});
