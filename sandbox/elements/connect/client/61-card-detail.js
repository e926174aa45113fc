/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// One card's view, shared by issuing-card and issuing-cards-list: details, reveal, status, limits, shipping, transactions.

const LIMIT_INTERVALS = [
  ["per_authorization", "Per transaction"],
  ["daily", "Daily"],
  ["weekly", "Weekly"],
  ["monthly", "Monthly"],
  ["yearly", "Yearly"],
  ["all_time", "All time"],
];
const intervalLabel = (i) => (LIMIT_INTERVALS.find((x) => x[0] === i) || [i, humanize(i)])[1];
const groups = (n) => String(n).replace(/(\d{4})(?=\d)/g, "$1 ");

class CardDetail {
  constructor(owner, card, focus) {
    this.focus = !!focus; // move focus to the card's heading only when the user opened it
    this.owner = owner;
    this.card = card;
    this.node = h("section", { "aria-label": `Card ${cardName(card)}`, "data-testid": "card-detail" });
    this.revealed = null;
  }

  get f() {
    return this.owner.features;
  }
  api(...a) {
    return this.owner.api(...a);
  }
  loc() {
    return this.owner.connector.locale;
  }

  render(message) {
    const c = this.card;
    const limits = (c.spending_controls && c.spending_controls.spending_limits) || [];
    const canManage = this.f.card_management && c.status !== "canceled";
    this.panel = h("div", {});
    this.node.replaceChildren(
      ...clean([
        h(
          "div",
          { class: "row spread" },
          (this.focus ? focusHeading : (t, l) => h(l, { text: t }))(`${holderName(c)} ${cardName(c)}`, "h2"),
          h("span", {
            class: `badge ${CARD_STATUS_CLASS[c.status] || ""}`,
            "data-testid": "card-status",
            text: humanize(c.status),
          }),
        ),
        message ? statusLine(message) : null,
        h(
          "div",
          { class: "notice" },
          h("p", {
            class: "mono",
            "data-testid": "card-number",
            "aria-label": "Card number",
            text: this.revealed ? groups(this.revealed.number) : `•••• •••• •••• ${c.last4}`,
          }),
          h(
            "p",
            { class: "mono" },
            `Expires ${String(c.exp_month).padStart(2, "0")}/${String(c.exp_year).slice(-2)} · CVC `,
            h("span", { "data-testid": "card-cvc", text: this.revealed ? this.revealed.cvc : "•••" }),
          ),
        ),
        h(
          "dl",
          { class: "pairs" },
          h("dt", { text: "Type" }),
          h("dd", { text: humanize(c.type) }),
          h("dt", { text: "Funding" }),
          h("dd", {
            text:
              c.financial_account ||
              (c.financial_account_v2 ? `USDC wallet ${c.financial_account_v2}` : "Issuing balance"),
          }),
          this.owner.props.showSpendControls
            ? [
                h("dt", { text: "Spending limits" }),
                h("dd", {
                  "data-testid": "spending-limits",
                  text: limits.length
                    ? limits
                        .map(
                          (l) =>
                            `${money(l.amount, c.currency, this.loc())} ${intervalLabel(l.interval).toLowerCase()}`,
                        )
                        .join(", ")
                    : "None",
                }),
              ]
            : null,
        ),
        h(
          "div",
          { class: "row" },
          c.type === "virtual" && c.status !== "canceled"
            ? h("button", {
                type: "button",
                class: "secondary",
                onclick: () => this.toggleReveal(),
                text: this.revealed ? "Hide card number" : "Reveal card number",
              })
            : null,
          canManage && c.status === "active"
            ? h("button", {
                type: "button",
                class: "secondary",
                onclick: () => this.setStatus("inactive", "Card frozen."),
                text: "Freeze card",
              })
            : null,
          canManage && c.status === "inactive" && awaitingDelivery(c)
            ? h("p", { class: "muted", "data-testid": "activate-once-delivered", text: "Activate once delivered" })
            : null,
          canManage && c.status === "inactive" && !awaitingDelivery(c)
            ? h("button", {
                type: "button",
                onclick: () => this.setStatus("active", "Card activated."),
                text: "Activate card",
              })
            : null,
          canManage
            ? h("button", { type: "button", class: "danger", onclick: () => this.openCancel(), text: "Cancel card" })
            : null,
          this.f.spend_control_management && this.owner.props.showSpendControls && c.status !== "canceled"
            ? h("button", {
                type: "button",
                class: "secondary",
                onclick: () => this.openLimits(),
                text: "Edit spending controls",
              })
            : null,
        ),
        this.panel,
        shippingBlock(c, this.loc()),
        h("h3", { text: "Transactions" }),
        (this.txns = h("div", {}, h("p", { class: "skeleton", role: "status", text: "Loading transactions…" }))),
      ]),
    );
    this.loadTransactions();
    return this.node;
  }

  openPanel(...nodes) {
    this.panel.replaceChildren(h("div", { class: "panel" }, ...nodes));
  }

  async update(path, body, message) {
    this.card = await this.api("POST", `/issuing/cards/${encodeURIComponent(this.card.id)}/${path}`, body, {
      idempotencyKey: newKey(),
    });
    this.focus = true; // the button just used may be gone: keep keyboard users on the card
    this.render(message);
  }

  async setStatus(status, message) {
    try {
      await this.update("status", { status }, message);
    } catch (e) {
      if (e instanceof ConnectError && e.type === "authentication_error") return this.owner.fail(e);
      this.render();
      this.panel.replaceChildren(h("p", { class: "alert", role: "alert", text: e.message }));
    }
  }

  /** The app's fetchEphemeralKey makes a key for this card and nonce; the sandbox reads the number with it. */
  async toggleReveal() {
    if (this.revealed) {
      this.revealed = null;
      return this.render();
    }
    const fetchKey = this.owner.props.fetchEphemeralKey;
    if (typeof fetchKey !== "function")
      return this.openPanel(
        h("p", { class: "alert", role: "alert", text: "Revealing card details needs the fetchEphemeralKey option." }),
      );
    try {
      const { nonce } = await this.api("POST", `/issuing/cards/${encodeURIComponent(this.card.id)}/nonce`, {});
      const key = await fetchKey({ issuingCard: this.card.id, nonce });
      if (!key || key.issuingCard !== this.card.id || key.nonce !== nonce || typeof key.ephemeralKeySecret !== "string")
        throw new ConnectError("invalid_request_error", "fetchEphemeralKey answered for another card or nonce.");
      this.revealed = await this.api("POST", `/issuing/cards/${encodeURIComponent(this.card.id)}/reveal`, {
        ephemeral_key_secret: key.ephemeralKeySecret,
        nonce,
      });
      this.render();
    } catch (e) {
      if (e instanceof ConnectError && e.type === "authentication_error") return this.owner.fail(e);
      this.openPanel(
        h("p", { class: "alert", role: "alert", text: `Could not reveal the card details: ${e.message}` }),
      );
    }
  }

  openCancel() {
    const form = formEl(
      (f) =>
        busy(f, async () => {
          try {
            const v = formValues(f);
            await this.update(
              "status",
              { status: "canceled", cancellation_reason: v.reason || undefined },
              "Card canceled.",
            );
          } catch (e) {
            this.owner.actionFailed(e, f);
          }
        }),
      h("p", { text: "Canceling is permanent: the card stops working and cannot be reactivated." }),
      field({
        name: "reason",
        label: "Reason",
        type: "select",
        required: false,
        value: "",
        options: [
          ["", "No longer needed"],
          ["lost", "Lost"],
          ["stolen", "Stolen"],
        ],
      }),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", class: "danger", text: "Confirm cancellation" }),
        h("button", {
          type: "button",
          class: "secondary",
          onclick: () => this.panel.replaceChildren(),
          text: "Keep card",
        }),
      ),
    );
    this.openPanel(focusHeading("Cancel card"), form);
  }
}
