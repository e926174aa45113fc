/* Sandbox stripe.js: window.Stripe with Stripe.js v3's Issuing Elements contract (docs.stripe.com/js/element/issuing,
   docs.stripe.com/js/issuing/create_ephemeral_key_nonce), offline. Each element renders in a frame of the sandbox's
   origin, which reads its one value with the element's ephemeral key and nonce: the page never holds the value. */
(function () {
  "use strict";
  const script = document.currentScript;
  const ORIGIN = new URL(script && script.src ? script.src : location.href).origin;
  const FIELD = {
    issuingCardNumberDisplay: "number",
    issuingCardCvcDisplay: "cvc",
    issuingCardExpiryDisplay: "expiry",
    issuingCardPinDisplay: "pin",
  };
  const TYPES = [...Object.keys(FIELD), "issuingCardCopyButton"];
  const COPYABLE = ["number", "cvc", "expiry", "pin"];
  const EVENTS = ["ready", "click", "loaderror"];
  let seq = 0;
  const newId = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

  class IntegrationError extends Error {
    constructor(message) {
      super(message);
      this.name = "IntegrationError";
    }
  }
  const str = (v) => typeof v === "string" && v.length > 0;

  /** One mounted frame per element; the frames post only event names back, never a value. */
  class IssuingElement {
    constructor(group, type, options) {
      this._group = group;
      this._type = type;
      this._options = { ...options };
      this._id = newId();
      this._handlers = {};
      this._frame = null;
      this._destroyed = false;
      this._onMessage = (e) => this._message(e);
    }
    mount(target) {
      if (this._destroyed) throw new IntegrationError("This Element has been destroyed; create a new one.");
      if (this._frame) throw new IntegrationError("This Element is already mounted. Use `unmount` first.");
      const node = typeof target === "string" ? document.querySelector(target) : target;
      if (!node || typeof node.appendChild !== "function")
        throw new IntegrationError(`Invalid DOM element or selector for mount: ${String(target)}`);
      const frame = document.createElement("iframe");
      const q = new URLSearchParams({ type: this._type, id: this._id });
      frame.setAttribute("src", `${ORIGIN}/issuing-elements/frame?${q}`);
      frame.setAttribute("title", `Secure ${this._type} frame`);
      frame.setAttribute("allow", "clipboard-write");
      frame.setAttribute("frameborder", "0");
      frame.setAttribute("scrolling", "no");
      frame.setAttribute("style", `border:none;width:100%;height:${frameHeight(this._options.style)};display:block;`);
      window.addEventListener("message", this._onMessage);
      node.appendChild(frame);
      this._frame = frame;
      return this;
    }
    unmount() {
      if (!this._frame) return this;
      window.removeEventListener("message", this._onMessage);
      this._frame.remove();
      this._frame = null;
      return this;
    }
    destroy() {
      this.unmount();
      this._destroyed = true;
      this._group._forget(this._type);
    }
    update(options) {
      if (options && options.style) this._options.style = options.style;
      this._post({ style: this._options.style || {} });
      return this;
    }
    on(event, handler) {
      if (!EVENTS.includes(event)) throw new IntegrationError(`Unsupported event for ${this._type}: ${event}`);
      (this._handlers[event] = this._handlers[event] || []).push(handler);
      return this;
    }
    once(event, handler) {
      const wrapped = (e) => {
        this.off(event, wrapped);
        handler(e);
      };
      return this.on(event, wrapped);
    }
    off(event, handler) {
      const list = this._handlers[event] || [];
      this._handlers[event] = handler ? list.filter((h) => h !== handler) : [];
      return this;
    }
    _emit(event, payload) {
      for (const h of [...(this._handlers[event] || [])]) h({ elementType: this._type, ...payload });
    }
    _post(data) {
      const win = this._frame && this._frame.contentWindow;
      if (win) win.postMessage({ source: "sandbox-stripe-js", id: this._id, ...data }, ORIGIN);
    }
    _message(e) {
      const d = e.data;
      if (e.origin !== ORIGIN || !d || d.source !== "sandbox-issuing-element" || d.id !== this._id) return;
      if (d.event === "load") {
        const { style, ...rest } = this._options;
        this._post({ config: { ...rest, style: style || {}, group: this._group._id } });
      } else if (d.event === "ready") this._emit("ready", {});
      else if (d.event === "click") this._emit("click", {});
      else if (d.event === "loaderror")
        this._emit("loaderror", { error: { type: "invalid_request_error", message: String(d.message || "") } });
    }
  }

  function frameHeight(style) {
    const size = style && style.base && parseFloat(style.base.lineHeight || style.base.fontSize);
    return size > 0 ? `${Math.ceil(size * (style.base.lineHeight ? 1 : 1.5))}px` : "24px";
  }

  class Elements {
    constructor() {
      this._id = newId();
      this._made = {};
    }
    create(type, options) {
      if (!TYPES.includes(type))
        throw new IntegrationError(
          `The sandbox's stripe.js serves Issuing Elements only (${TYPES.join(", ")}), not ${type}.`,
        );
      if (this._made[type]) throw new IntegrationError(`Can only create one Element of type ${type}.`);
      const o = options || {};
      if (type === "issuingCardCopyButton") {
        if (!COPYABLE.includes(o.toCopy))
          throw new IntegrationError(`Invalid value for toCopy: should be one of ${COPYABLE.join(", ")}.`);
      } else {
        // [stricter] stripe-js types these optional (its beta flow); without them nothing can be shown.
        for (const k of ["issuingCard", "nonce", "ephemeralKeySecret"])
          if (!str(o[k])) throw new IntegrationError(`Missing value for ${type}: ${k} should be a string.`);
      }
      const el = new IssuingElement(this, type, o);
      this._made[type] = el;
      return el;
    }
    getElement(type) {
      return this._made[type] || null;
    }
    update() {}
    _forget(type) {
      delete this._made[type];
    }
  }

  function Stripe(publishableKey, options) {
    if (!(this instanceof Stripe)) return new Stripe(publishableKey, options);
    if (!str(publishableKey)) throw new IntegrationError("Invalid value for Stripe(): apiKey should be a string.");
    if (!/^pk_test_[A-Za-z0-9_]+$/.test(publishableKey))
      throw new IntegrationError("The sandbox's Stripe() takes a test publishable key (pk_test_…).");
    this._key = publishableKey;
    this._options = options || {};
  }
  Stripe.prototype.elements = function () {
    return new Elements();
  };
  /** Resolves `{nonce}` or `{error}` like Stripe.js; a bad argument throws. */
  Stripe.prototype.createEphemeralKeyNonce = function (options) {
    if (!options || !str(options.issuingCard))
      throw new IntegrationError("Invalid value for createEphemeralKeyNonce: issuingCard should be a string.");
    return fetch(`${ORIGIN}/issuing-elements/api/ephemeral_key_nonces`, {
      method: "POST",
      headers: { authorization: `Bearer ${this._key}`, "content-type": "application/json" },
      body: JSON.stringify({ issuing_card: options.issuingCard }),
    })
      .then((r) => r.json().then((body) => (r.ok ? { nonce: body.nonce } : { error: body.error })))
      .catch((e) => ({ error: { type: "api_connection_error", message: String(e && e.message) } }));
  };
  Stripe.prototype._registerWrapper = function () {};
  Stripe.version = 3;
  Stripe.sandbox = { origin: ORIGIN };
  window.Stripe = Stripe;
})();
