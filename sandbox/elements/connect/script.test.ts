import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { findAll, installFakeDom, textOf } from "./fake-dom";

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

/** A property h() sets on the node itself (value, checked, selected) rather than as an attribute. */
const prop = (n: unknown, k: string) => (n as Record<string, unknown> | undefined)?.[k];

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

test("a physical card's view shows its shipment; activation waits for delivery", async () => {
  const { registry } = installFakeDom(`${t.url}/connect.js`);
  new Function(source)();
  const shipping = {
    name: "Jenny Rosen",
    address: { line1: "510 Townsend St", city: "San Francisco", postal_code: "94107", country: "US" },
    service: "express",
    status: "shipped",
    carrier: "usps",
    tracking_number: "9400111",
    tracking_url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111",
    eta: 1_900_000_000,
  };
  const card = { id: "ic_1", object: "issuing.card", type: "physical", status: "inactive", last4: "4242", shipping };
  // The element as the loader leaves it, with a connector answering the two reads the card view makes.
  const render = async (c: Record<string, unknown>) => {
    const Cls = registry.get("stripe-connect-issuing-card")!;
    const el = new Cls() as unknown as Record<string, unknown> & { load(): Promise<void>; view: unknown };
    el.features = { card_management: true };
    el.props = { defaultCard: "ic_1", cardSwitching: false };
    el.connector = {
      locale: "en-US",
      request: async (_m: string, path: string) => (path.endsWith("/transactions?limit=20") ? { data: [] } : c),
    };
    await el.load();
    const by = (id: string) => findAll(el.view, (n) => n.attributes["data-testid"] === id);
    const buttons = findAll(el.view, (n) => n.localName === "button").map(textOf);
    return { by, buttons };
  };

  const shipped = await render(card);
  const block = shipped.by("card-shipping");
  assert.equal(block.length, 1, "the shipping block is there");
  assert.equal(textOf(shipped.by("shipping-status")[0]), "Shipped");
  assert.match(textOf(block[0]), /USPS/);
  assert.match(textOf(block[0]), /Express/);
  assert.match(textOf(block[0]), /Jenny Rosen, San Francisco/);
  assert.match(textOf(block[0]), new RegExp(new Date(1_900_000_000_000).getUTCFullYear().toString()));
  const link = findAll(block[0], (n) => n.localName === "a")[0];
  assert.equal(link?.attributes.href, shipping.tracking_url);
  assert.equal(textOf(shipped.by("activate-once-delivered")[0]), "Activate once delivered");
  assert.ok(!shipped.buttons.includes("Activate card"), "no Activate button before delivery");

  const delivered = await render({ ...card, shipping: { ...shipping, status: "delivered" } });
  assert.equal(textOf(delivered.by("shipping-status")[0]), "Delivered");
  assert.ok(delivered.buttons.includes("Activate card"), "a delivered card can be activated");
  assert.equal(delivered.by("activate-once-delivered").length, 0);

  const virtual = await render({ ...card, type: "virtual", shipping: null });
  assert.equal(virtual.by("card-shipping").length, 0, "a virtual card has no shipping block");
  assert.ok(virtual.buttons.includes("Activate card"));
});

test("the create-card panel offers a physical order: shipping prefilled from the cardholder, the single design preselected", async () => {
  const { registry } = installFakeDom(`${t.url}/connect.js`);
  new Function(source)();
  const holder = {
    id: "ich_1",
    name: "Jenny Rosen",
    status: "active",
    billing: { address: { line1: "1 Main St", city: "Austin", state: "TX", postal_code: "73301", country: "US" } },
  };
  const open = async (designs: unknown[]) => {
    const Cls = registry.get("stripe-connect-issuing-cards-list")!;
    const el = new Cls() as unknown as Record<string, unknown> & { openCreateCard(): Promise<void> };
    el.features = { card_management: true };
    el.panel = (globalThis as unknown as { document: { createElement(t: string): unknown } }).document.createElement(
      "div",
    );
    const answers: Record<string, unknown> = {
      "/issuing/cardholders": { data: [holder] },
      "/issuing/funding_sources": { data: [] },
      "/issuing/personalization_designs": { data: designs },
    };
    el.connector = { locale: "en-US", request: async (_m: string, path: string) => answers[path] };
    await el.openCreateCard();
    return (name: string) => findAll(el.panel, (n) => n.attributes.name === name);
  };

  const input = await open([{ id: "pd_1", name: "Default", preferences: { is_default: false } }]);
  assert.deepEqual(
    input("type").map((n) => [prop(n, "value"), prop(n, "checked") ?? false]),
    [
      ["virtual", true],
      ["physical", false],
    ],
  );
  const value = (name: string) => prop(input(name)[0], "value");
  assert.equal(value("ship_name"), "Jenny Rosen");
  assert.equal(value("ship_postal_code"), "73301");
  assert.equal(
    input("ship_postal_code")[0]?.attributes["data-params"],
    "ship_postal_code shipping[address][postal_code]",
  );
  const selected = (name: string) =>
    findAll(input(name)[0], (n) => n.localName === "option" && prop(n, "selected") === true).map((n) =>
      prop(n, "value"),
    );
  assert.deepEqual(selected("personalization_design"), ["pd_1"], "the only design is preselected");
  assert.deepEqual(selected("ship_country"), ["US"]);

  const none = await open([]);
  assert.equal(
    none("type").find((n) => prop(n, "value") === "physical")?.attributes.disabled,
    "",
    "no active design: physical cannot be chosen",
  );
});
