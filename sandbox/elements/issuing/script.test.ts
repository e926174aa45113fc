import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { fundedCard, type IssuingSetup } from "../../resources/issuing/fixtures";

/** A page just big enough for stripe.js: a mount point, iframes that record what is posted to them, window messages. */
type Frame = {
  attributes: Record<string, string>;
  removed: boolean;
  posted: Array<[unknown, string]>;
  contentWindow: unknown;
};
type El = { mount(target: string): void; on(event: string, fn: (e: unknown) => void): El; destroy(): void };
type Els = { create(type: string, options: unknown): El; getElement(type: string): El | null };
type StripeObj = { elements(): Els; createEphemeralKeyNonce(o: unknown): Promise<{ nonce?: string }> };
type StripeFn = ((pk: unknown) => StripeObj) & { sandbox: { origin: string } };

let t: TestSandbox;
let s: IssuingSetup;
let source = "";
const listeners: Array<(e: unknown) => void> = [];
const frames: Frame[] = [];
const mountPoint = { children: [] as Frame[], appendChild: (f: Frame) => mountPoint.children.push(f) };

before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 5000);
});
after(() => t.close());

function installPage(scriptUrl: string): void {
  const g = globalThis as Record<string, unknown>;
  g.window = globalThis;
  g.location = { origin: "http://localhost:3000", href: "http://localhost:3000/cards" };
  g.addEventListener = (type: string, fn: (e: unknown) => void) => type === "message" && listeners.push(fn);
  g.removeEventListener = (_: string, fn: (e: unknown) => void) => listeners.splice(listeners.indexOf(fn) >>> 0, 1);
  g.document = {
    currentScript: { src: scriptUrl },
    querySelector: (sel: string) => (sel === "#card-number" ? mountPoint : null),
    createElement: (tag: string) => {
      assert.equal(tag, "iframe");
      const f: Frame = {
        attributes: {},
        removed: false,
        posted: [],
        contentWindow: { postMessage: (data: unknown, origin: string) => f.posted.push([data, origin]) },
      };
      Object.assign(f, {
        setAttribute: (k: string, v: string) => (f.attributes[k] = v),
        remove: () => (f.removed = true),
      });
      frames.push(f);
      return f;
    },
  };
}
const fromFrame = (origin: string, data: Record<string, unknown>) => {
  for (const fn of [...listeners]) fn({ origin, data });
};

test("GET /stripe.js is JavaScript, fresh, loadable cross-origin, without eval", async () => {
  const res = await fetch(`${t.url}/stripe.js`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/javascript/);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
  source = await res.text();
  assert.doesNotThrow(() => new Function(source), "the script parses");
  assert.doesNotMatch(source, /\beval\(|new Function\(/);
});

test("window.Stripe as documented: Stripe(pk), createEphemeralKeyNonce, elements().create(type, options).mount(), on('ready'), destroy()", async () => {
  installPage(`${t.url}/stripe.js`);
  new Function(source)();
  const Stripe = (globalThis as unknown as { Stripe: StripeFn }).Stripe;
  assert.equal(typeof Stripe, "function");
  assert.equal(Stripe.sandbox.origin, t.url, "its frames and API are where the script came from");
  assert.throws(() => Stripe(undefined), /apiKey should be a string/);
  assert.throws(() => Stripe("sk_test_secret"), /pk_test_/);
  const stripe = Stripe("pk_test_issuing_console");
  assert.equal(typeof stripe.elements, "function");
  assert.throws(() => stripe.createEphemeralKeyNonce({}), /issuingCard/);

  const { nonce } = (await stripe.createEphemeralKeyNonce({ issuingCard: s.card })) as { nonce: string };
  assert.match(nonce, /^ephkn_pub_/);
  const key = await t.stripe.ephemeralKeys.create(
    { issuing_card: s.card, nonce },
    { ...s.opts, apiVersion: "2026-10-28.endive" },
  );
  const elements = stripe.elements();
  const options = {
    issuingCard: s.card,
    nonce,
    ephemeralKeySecret: key.secret,
    style: { base: { fontSize: "16px", color: "#111" } },
  };
  for (const type of [
    "issuingCardNumberDisplay",
    "issuingCardCvcDisplay",
    "issuingCardExpiryDisplay",
    "issuingCardPinDisplay",
  ])
    assert.equal(typeof elements.create(type, options).mount, "function", type);
  assert.equal(typeof elements.create("issuingCardCopyButton", { toCopy: "number" }).on, "function");
  assert.throws(() => stripe.elements().create("issuingCardCopyButton", { toCopy: "ssn" }), /toCopy/);
  assert.throws(() => elements.create("issuingCardNumberDisplay", options), /one Element of type/);
  assert.throws(() => stripe.elements().create("issuingCardPinDisplay", { issuingCard: s.card }), /nonce/);
  assert.throws(() => stripe.elements().create("card", {}), /Issuing Elements only/);

  const number = elements.getElement("issuingCardNumberDisplay");
  assert.ok(number);
  const ready: unknown[] = [];
  number.on("ready", (e: unknown) => ready.push(e));
  number.mount("#card-number");
  const frame = mountPoint.children[0] as Frame;
  const src = new URL(frame.attributes.src ?? "");
  assert.equal(src.origin, t.url, "the value renders in a frame of the sandbox's origin");
  assert.equal(src.pathname, "/issuing-elements/frame");
  assert.equal(src.searchParams.get("type"), "issuingCardNumberDisplay");
  assert.doesNotMatch(frame.attributes.src ?? "", /ek_test_|ephkn_/, "no key or nonce in the page's DOM");
  assert.throws(() => number.mount("#card-number"), /already mounted/);

  // The frame says it loaded: the element hands it the options, to the sandbox's origin only.
  const id = src.searchParams.get("id");
  fromFrame("http://evil.test", { source: "sandbox-issuing-element", id, event: "load" });
  assert.equal(frame.posted.length, 0, "messages from another origin are ignored");
  fromFrame(t.url, { source: "sandbox-issuing-element", id, event: "load" });
  const [config, target] = frame.posted[0] as [{ config: Record<string, unknown> }, string];
  assert.equal(target, t.url);
  assert.deepEqual(
    [config.config.issuingCard, config.config.nonce, config.config.ephemeralKeySecret],
    [s.card, nonce, key.secret],
  );
  fromFrame(t.url, { source: "sandbox-issuing-element", id, event: "ready" });
  assert.deepEqual(ready, [{ elementType: "issuingCardNumberDisplay" }]);

  number.destroy();
  assert.equal(frame.removed, true);
  assert.throws(() => number.mount("#card-number"), /destroyed/);
  assert.equal(elements.getElement("issuingCardNumberDisplay"), null);
  const full = await t.stripe.issuing.cards.retrieve(s.card, { expand: ["number"] }, s.opts);
  assert.ok(
    !JSON.stringify(frames.map((f) => f.attributes)).includes(String(full.number)),
    "the number is never in the page",
  );
});

test("the frame page runs only its own script, talks only to its origin, and never holds a value in its HTML", async () => {
  const res = await fetch(`${t.url}/issuing-elements/frame?type=issuingCardNumberDisplay&id=x`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
  assert.equal(res.headers.get("cache-control"), "no-store");
  assert.equal(res.headers.get("referrer-policy"), "no-referrer");
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  const html = await res.text();
  assert.match(html, /\/issuing-elements\/api\/card/);
  assert.doesNotMatch(html, /400000\d{10}/);
});
