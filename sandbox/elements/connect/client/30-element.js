/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// The base custom element: the contract (setConnector + set…InternalOnly), loading/error states, callbacks.

/** "setOnLoadError" → "onLoadError", "setFinancialAccount" → "financialAccount". */
const propName = (setter) => setter.charAt(3).toLowerCase() + setter.slice(4);

class ConnectElement extends HTMLElement {
  constructor() {
    super();
    this.props = {};
    this.connector = null;
    this.root = this.attachShadow({ mode: "open" });
    this.applyTheme = installStyles(this.root);
    this.applyTheme({});
    this.view = h("div", { class: "sc", part: "container" });
    this.root.append(this.view);
    this.loadTimer = 0;
    this.loaderStarted = false;
    this.pendingError = null;
    this.loaded = false;
  }

  /** The component's tag without the prefix, e.g. "financial-account". */
  get tagShort() {
    return this.localName.replace(/^stripe-connect-/, "");
  }
  /** The Account Session component this element needs (null: none, e.g. the "not available" ones). */
  get component() {
    return null;
  }
  /** Props whose change reloads the component (others are read when needed). */
  get reloadOn() {
    return [];
  }

  setConnector(connector) {
    if (this.connector) this.connector.detach(this);
    this.connector = connector;
    connector.attach(this);
    this.applyTheme(connector.appearance);
    this.scheduleLoad();
  }

  setProp(name, value) {
    this.props[name] = value;
    if (name === "onLoaderStart" && this.loaderStarted && typeof value === "function")
      value({ elementTagName: this.localName });
    if (name === "onLoadError" && this.pendingError && typeof value === "function") this.reportError(this.pendingError);
    if (this.reloadOn.includes(name)) this.scheduleLoad();
  }

  connectedCallback() {
    if (this.connector && !this.loaded) this.scheduleLoad();
  }

  // Setters arrive after setConnector (React sets props in effects): wait a tick so one load sees them all.
  scheduleLoad() {
    clearTimeout(this.loadTimer);
    this.loadTimer = setTimeout(() => this.isConnected && this.connector && this.run(), 0);
  }

  async run() {
    this.loaderStarted = true;
    this.pendingError = null;
    if (typeof this.props.onLoaderStart === "function") this.props.onLoaderStart({ elementTagName: this.localName });
    this.show(h("p", { class: "skeleton", role: "status", text: "Loading…" }));
    try {
      if (this.component) {
        // Like Stripe's, a component missing from the session does not load (the server refuses its requests anyway).
        this.session = await this.api("GET", "/session");
        if (!this.session.components[this.component])
          throw new ConnectError(
            "invalid_request_error",
            `The ${this.component} component is not enabled in this Account Session.`,
          );
        this.features = this.session.components[this.component].features || {};
      }
      await this.load();
      this.loaded = true;
    } catch (e) {
      this.fail(e);
    }
  }

  /** Subclasses fetch and render here; throwing shows the error state and calls onLoadError. */
  async load() {}

  api(method, path, body, options) {
    return this.connector.request(method, path, body, options);
  }

  show(...nodes) {
    this.view.replaceChildren(...clean(nodes));
  }

  fail(e) {
    const err =
      e instanceof ConnectError ? e : new ConnectError("render_error", e && e.message ? e.message : String(e));
    this.reportError(err);
    this.show(
      h(
        "div",
        { class: "alert", role: "alert" },
        h("p", {
          text:
            err.type === "authentication_error"
              ? "Your session has expired or is not valid."
              : "This component could not load.",
        }),
        h("p", { class: "muted", text: err.message }),
      ),
      h("button", { type: "button", class: "secondary", onclick: () => this.run(), text: "Try again" }),
    );
  }

  reportError(err) {
    this.pendingError = err;
    if (typeof this.props.onLoadError !== "function") return;
    this.pendingError = null;
    this.props.onLoadError({ error: { type: err.type, message: err.message }, elementTagName: this.localName });
  }

  themeChanged() {
    if (this.connector) this.applyTheme(this.connector.appearance);
  }

  loggedOut() {
    this.show(h("p", { class: "muted", text: "Signed out." }));
  }

  /** An action failed: authentication problems are load errors for the app; others stay next to the form. */
  actionFailed(e, form) {
    if (e instanceof ConnectError && e.type === "authentication_error") return this.fail(e);
    showFormErrors(form, e);
  }
}

/** A component of one financial account, the `financialAccount` prop: it loads once React has set the prop. */
class FinancialAccountElement extends ConnectElement {
  get reloadOn() {
    return ["financialAccount"];
  }

  async load() {
    const id = this.props.financialAccount;
    if (typeof id !== "string" || !id) {
      // React sets the prop in an effect; wait for it rather than failing at once.
      this.show(h("p", { class: "skeleton", role: "status", text: "Waiting for a financial account…" }));
      this.loaded = false;
      return;
    }
    await this.loadAccount(id);
  }

  /** Subclasses fetch and render financial account `id` here. */
  async loadAccount(id) {}
}

/** "Previous page" / "Next page" under a list page; `go(cursor, forward)` shows the page after `cursor`. */
function pager(cursors, list, go) {
  const last = list.data[list.data.length - 1];
  return h(
    "div",
    { class: "row" },
    cursors.length
      ? h("button", {
          type: "button",
          class: "secondary",
          onclick: () => go(cursors[cursors.length - 1], false),
          text: "Previous page",
        })
      : null,
    list.has_more && last
      ? h("button", { type: "button", class: "secondary", onclick: () => go(last.id, true), text: "Next page" })
      : null,
  );
}

/** Adds `set<X>InternalOnly` for every setter the loader may call on this tag. */
function withSetters(cls, tag) {
  for (const setter of [...COMMON_SETTERS, ...(TAG_SETTERS[tag] || [])]) {
    const name = propName(setter);
    cls.prototype[`${setter}InternalOnly`] = function (value) {
      this.setProp(name, value);
    };
  }
  return cls;
}
