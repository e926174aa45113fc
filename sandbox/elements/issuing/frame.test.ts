import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mintNonce, startTestSandbox, waitFor, type TestSandbox } from "../../test-helpers";
import { fundedCard, type IssuingSetup } from "../../resources/issuing/fixtures";

/**
 * The served frame's script run in node against a stub page: it gets its options from its parent,
 * reads its value from the sandbox, shows it, and tells the parent only event names.
 */
let t: TestSandbox;
let s: IssuingSetup;
/** The frames' channels, closed at the end (an open channel keeps node running). */
const channels: BroadcastChannel[] = [];
class TrackedChannel extends BroadcastChannel {
  constructor(name: string) {
    super(name);
    channels.push(this);
  }
}
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 1000);
});
after(async () => {
  for (const c of channels) c.close();
  await t.close();
});

type Posted = Record<string, unknown>;

async function runFrame(type: string): Promise<{
  out: { textContent: string; children: unknown[] };
  toParent: Posted[];
  deliver(data: Posted, fromParent?: boolean): void;
}> {
  const html = await (await fetch(`${t.url}/issuing-elements/frame?type=${type}&id=el1`)).text();
  const script = /<script nonce="[^"]+">([\s\S]*)<\/script>/.exec(html)?.[1] ?? "";
  const out = {
    textContent: "",
    title: "",
    children: [] as unknown[],
    replaceChildren(...kids: unknown[]) {
      this.children = kids;
    },
  };
  const toParent: Posted[] = [];
  const parent = { postMessage: (data: Posted) => toParent.push(data) };
  const listeners: Array<(e: unknown) => void> = [];
  const g = globalThis as Record<string, unknown>;
  const realFetch = globalThis.fetch;
  g.window = { parent, addEventListener: (_: string, fn: (e: unknown) => void) => listeners.push(fn) };
  g.location = { search: `?type=${type}&id=el1` };
  g.document = {
    getElementById: () => out,
    body: { style: { setProperty: () => {} } },
    createElement: () => ({ setAttribute: () => {} }),
  };
  // The frame calls its own origin by path.
  const scoped = (url: string, init?: RequestInit) => realFetch(new URL(url, t.url), init);
  new Function("fetch", "window", "location", "document", "BroadcastChannel", script)(
    scoped,
    g.window,
    g.location,
    g.document,
    TrackedChannel,
  );
  return {
    out,
    toParent,
    deliver: (data, fromParent = true) => {
      for (const fn of listeners) fn({ source: fromParent ? parent : {}, data });
    },
  };
}

test("a number frame: loads, takes its options from its parent only, shows the grouped number, answers only 'ready'", async () => {
  const nonce = await mintNonce(t.url, s.card);
  const key = await t.stripe.ephemeralKeys.create(
    { issuing_card: s.card, nonce },
    { ...s.opts, apiVersion: "2026-10-28.endive" },
  );
  const full = await t.stripe.issuing.cards.retrieve(s.card, { expand: ["number"] }, s.opts);
  const f = await runFrame("issuingCardNumberDisplay");
  assert.deepEqual(f.toParent, [{ source: "sandbox-issuing-element", id: "el1", event: "load" }]);
  const config = { issuingCard: s.card, nonce, ephemeralKeySecret: key.secret, style: {}, group: "g1" };
  f.deliver({ source: "sandbox-stripe-js", id: "el1", config }, false);
  f.deliver({ source: "sandbox-stripe-js", id: "other", config });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(f.out.textContent, "", "options from anywhere but the parent, or for another element, are ignored");

  // The copy button of the same group asks the frame for its value over the same-origin channel.
  const channel = new TrackedChannel("sandbox-issuing-elements:g1");
  const heard: Posted[] = [];
  channel.onmessage = (m: MessageEvent) => heard.push(m.data as Posted);
  f.deliver({ source: "sandbox-stripe-js", id: "el1", config });
  await waitFor(() => f.toParent.some((p) => p.event === "ready"), 3000, "ready");
  assert.equal(f.out.textContent, String(full.number).replace(/(\d{4})(?=\d)/g, "$1 "));
  assert.ok(!JSON.stringify(f.toParent).includes(String(full.number)), "the parent never gets the number");
  channel.postMessage({ ask: "number" });
  await waitFor(() => heard.find((h) => h.value), 3000, "the copy value");
  assert.deepEqual(
    heard.find((h) => h.value),
    { field: "number", value: full.number },
  );
  channel.close();
});

test("a frame with a bad key shows nothing and reports loaderror", async () => {
  const f = await runFrame("issuingCardPinDisplay");
  f.deliver({
    source: "sandbox-stripe-js",
    id: "el1",
    config: { issuingCard: s.card, nonce: "ephkn_pub_x", ephemeralKeySecret: "ek_test_nope", style: {}, group: "g2" },
  });
  await waitFor(() => f.toParent.some((p) => p.event === "loaderror"), 3000, "loaderror");
  assert.equal(f.out.textContent, "Unavailable");
});
