import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { installFakeDom } from "./fake-dom";

type Loader = {
  connectElementTagNames: string[];
  ConnectElementCommonMethodConfig: Record<string, unknown>;
  ConnectElementCustomMethodConfig: Record<string, Record<string, unknown>>;
  loadConnectAndInitialize(p: Record<string, unknown>): {
    create(tag: string): Record<string, (v: unknown) => void>;
    update(o: unknown): void;
  };
};
const loader = createRequire(import.meta.url)("@stripe/connect-js/pure") as Loader;

let t: TestSandbox;
let source = "";
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());

test("GET /connect.js is JavaScript, never cached stale, loadable cross-origin, and parses without eval", async () => {
  const res = await fetch(`${t.url}/connect.js`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/javascript/);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
  source = await res.text();
  assert.doesNotThrow(() => new Function(source), "the script parses");
  assert.doesNotMatch(source, /\beval\(|new Function\(/, "works under a CSP without 'unsafe-eval'");
});

test("the real 3.4.6 loader accepts it: every tag upgrades, every setter has its InternalOnly, setConnector gets the instance", async () => {
  const { registry } = installFakeDom(`${t.url}/connect.js`);
  new Function(source)();
  const rejections: unknown[] = [];
  process.on("unhandledRejection", (e) => rejections.push(e));
  const w = globalThis as unknown as { StripeConnect: { init(p: unknown): unknown; sandbox: { apiBase: string } } };
  assert.equal(typeof w.StripeConnect.init, "function");
  assert.equal(w.StripeConnect.sandbox.apiBase, `${t.url}/connect/api`, "the API is where the script came from");

  for (const tag of loader.connectElementTagNames) {
    const cls = registry.get(`stripe-connect-${tag}`);
    assert.ok(cls, `stripe-connect-${tag} is defined`);
    const setters = [
      ...Object.keys(loader.ConnectElementCommonMethodConfig),
      ...Object.keys(loader.ConnectElementCustomMethodConfig[tag] ?? {}),
    ];
    for (const s of setters)
      assert.equal(
        typeof (cls.prototype as Record<string, unknown>)[`${s}InternalOnly`],
        "function",
        `${tag}.${s}InternalOnly`,
      );
    assert.equal(typeof (cls.prototype as Record<string, unknown>).setConnector, "function", `${tag}.setConnector`);
  }

  let secretCalls = 0;
  const instance = loader.loadConnectAndInitialize({
    publishableKey: "pk_test_sandbox",
    fetchClientSecret: async () => (secretCalls++, "accs_secret__x"),
    appearance: { variables: { colorPrimary: "#0a7d4f" } },
  });
  const made: Array<[string, Record<string, unknown>]> = [];
  for (const tag of loader.connectElementTagNames) {
    const el = instance.create(tag);
    for (const s of Object.keys(loader.ConnectElementCommonMethodConfig)) el[s]?.(() => {});
    for (const s of Object.keys(loader.ConnectElementCustomMethodConfig[tag] ?? {})) el[s]?.(`${tag}:${s}`);
    made.push([tag, el as unknown as Record<string, unknown>]);
  }
  instance.update({ appearance: { variables: { colorPrimary: "#123456" } } });
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(rejections, [], "no setter or setConnector failed");
  assert.equal(secretCalls, 1, "the loader's eager call, nothing more until an element loads");
  for (const [tag, el] of made) {
    assert.ok(el.connector, `${tag} received the connector`);
    assert.equal((el.root as { mode: string }).mode, "open", `${tag} renders in an open shadow root`);
    for (const s of Object.keys(loader.ConnectElementCustomMethodConfig[tag] ?? {})) {
      const prop = s.charAt(3).toLowerCase() + s.slice(4);
      assert.equal((el.props as Record<string, unknown>)[prop], `${tag}:${s}`, `${tag}.${s} reached the element`);
    }
  }
});
