/**
 * Just enough DOM to evaluate connect.js in node and drive it with the real @stripe/connect-js
 * loader: nodes that record attributes/children, custom element registration, a shadow root.
 * Elements are never `isConnected`, so they never start loading (no network in these tests).
 */
export class FakeNode {
  attributes: Record<string, string> = {};
  children: unknown[] = [];
  textContent = "";
  hidden = false;
  style: Record<string, string> = {};
  dataset: Record<string, string> = {};
  constructor(readonly localName: string) {}
  setAttribute(k: string, v: string) {
    this.attributes[k] = v;
  }
  removeAttribute(k: string) {
    delete this.attributes[k];
  }
  append(...kids: unknown[]) {
    this.children.push(...kids);
  }
  replaceChildren(...kids: unknown[]) {
    this.children = kids;
  }
  addEventListener() {}
  focus() {}
  querySelector() {
    return null;
  }
  querySelectorAll() {
    return [];
  }
}

/** Depth-first: every node under `root` (itself included) that `pick` accepts. */
export function findAll(root: unknown, pick: (n: FakeNode) => boolean): FakeNode[] {
  if (!(root instanceof FakeNode)) return [];
  return [...(pick(root) ? [root] : []), ...root.children.flatMap((k) => findAll(k, pick))];
}

/** The text a node shows: its own textContent, else its children's. */
export function textOf(n: unknown): string {
  if (typeof n === "string") return n;
  if (!(n instanceof FakeNode)) return "";
  return n.textContent || n.children.map(textOf).join("");
}

export function installFakeDom(scriptUrl: string): { registry: Map<string, new () => unknown> } {
  const registry = new Map<string, new () => unknown>();
  class HTMLElement extends FakeNode {
    constructor() {
      super("");
    }
    attachShadow(init: { mode: string }) {
      const root = new FakeNode("#shadow-root") as FakeNode & { mode: string };
      root.mode = init.mode;
      (this as unknown as { shadowRoot: unknown }).shadowRoot = root;
      return root;
    }
    get isConnected() {
      return false;
    }
  }
  const document = {
    currentScript: { src: scriptUrl },
    createElement(tag: string) {
      const Cls = registry.get(tag);
      if (!Cls) return new FakeNode(tag);
      const el = new Cls() as FakeNode;
      Object.defineProperty(el, "localName", { value: tag });
      return el;
    },
    querySelector: () => null,
    querySelectorAll: () => [],
    body: new FakeNode("body"),
  };
  const g = globalThis as Record<string, unknown>;
  g.window = globalThis;
  g.document = document;
  g.location = { origin: "http://localhost:3000", href: "http://localhost:3000/" };
  g.HTMLElement = HTMLElement;
  g.Node = FakeNode; // h() appends nodes as they are and anything else as text
  g.customElements = {
    define: (name: string, cls: new () => unknown) => registry.set(name, cls),
    get: (name: string) => registry.get(name),
  };
  return { registry };
}
