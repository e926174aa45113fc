/* One Issuing Element's frame (sandbox origin): gets its options from the page that mounted it, reads its one value
   with the element's ephemeral key and nonce, shows it. Only event names go back to the page. */
(function () {
  "use strict";
  const q = new URLSearchParams(location.search);
  const type = q.get("type");
  const id = q.get("id");
  const FIELD = {
    issuingCardNumberDisplay: "number",
    issuingCardCvcDisplay: "cvc",
    issuingCardExpiryDisplay: "expiry",
    issuingCardPinDisplay: "pin",
  };
  const out = document.getElementById("value");
  const tell = (event, extra) =>
    window.parent.postMessage({ source: "sandbox-issuing-element", id, event, ...extra }, "*");
  const kebab = (k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  function applyStyle(style) {
    const base = (style && style.base) || {};
    for (const [k, v] of Object.entries(base))
      if (!k.startsWith(":") && !k.startsWith("::") && typeof v !== "object")
        document.body.style.setProperty(kebab(k), String(v));
  }
  const show = (field, v) => (field === "number" ? v.replace(/(\d{4})(?=\d)/g, "$1 ") : v);
  let started = false;

  async function start(c) {
    started = true;
    applyStyle(c.style);
    const channel = new BroadcastChannel(`sandbox-issuing-elements:${c.group}`);
    if (type === "issuingCardCopyButton") {
      let value = null;
      channel.onmessage = (m) => {
        if (m.data && m.data.field === c.toCopy) value = m.data.value;
      };
      channel.postMessage({ ask: c.toCopy });
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", `Copy the card's ${c.toCopy}`);
      button.onclick = async () => {
        if (value !== null) await navigator.clipboard.writeText(value.replace(/\s/g, ""));
        button.textContent = value !== null ? "Copied" : "Nothing to copy";
        tell("click");
      };
      out.replaceChildren(button);
      tell("ready");
      return;
    }
    const field = FIELD[type];
    const r = await fetch("/issuing-elements/api/card", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        issuing_card: c.issuingCard,
        nonce: c.nonce,
        ephemeral_key_secret: c.ephemeralKeySecret,
        field,
      }),
    });
    const body = await r.json();
    if (!r.ok) {
      out.textContent = "Unavailable";
      out.title = body.error && body.error.message;
      tell("loaderror", { message: body.error && body.error.message });
      return;
    }
    out.textContent = show(field, body.value);
    channel.onmessage = (m) => {
      if (m.data && m.data.ask === field) channel.postMessage({ field, value: body.value });
    };
    channel.postMessage({ field, value: body.value });
    tell("ready");
  }

  window.addEventListener("message", (e) => {
    const d = e.data;
    if (e.source !== window.parent || !d || d.source !== "sandbox-stripe-js" || d.id !== id) return;
    if (d.config && !started) void start(d.config);
    if (d.style) applyStyle(d.style);
  });
  tell("load");
})();
