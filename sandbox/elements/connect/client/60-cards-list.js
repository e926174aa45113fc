/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// issuing-cards-list: search and page through the account's cards, open one, create cardholders and cards.

const CARD_STATUS_CLASS = { active: "ok", inactive: "warn", canceled: "bad" };
const cardName = (c) => `•••• ${c.last4}`;
const holderName = (c) => (c.cardholder && typeof c.cardholder === "object" ? c.cardholder.name : c.cardholder) || "";

class IssuingCardsList extends ConnectElement {
  get component() {
    return "issuing_cards_list";
  }

  async load() {
    this.query = { q: "", status: "" };
    this.cursors = [];
    await this.list(null);
  }

  async list(after, message) {
    const q = new URLSearchParams({ limit: "10" });
    if (this.query.q) q.set("q", this.query.q);
    if (this.query.status) q.set("status", this.query.status);
    if (after) q.set("starting_after", after);
    const cards = await this.api("GET", `/issuing/cards?${q}`);
    this.after = after;
    this.renderList(cards, message);
  }

  renderList(cards, message) {
    const f = this.features;
    const search = formEl(
      (form) => {
        const v = formValues(form);
        this.query = { q: v.q.trim(), status: v.status };
        this.cursors = [];
        this.list(null).catch((e) => this.fail(e));
      },
      h(
        "div",
        { class: "row" },
        h(
          "div",
          { class: "field" },
          h("label", { for: "sc-card-search", text: "Search cards" }),
          h("input", {
            id: "sc-card-search",
            name: "q",
            type: "search",
            value: this.query.q,
            placeholder: "Last 4 digits or cardholder name",
          }),
        ),
        field({
          name: "status",
          label: "Status",
          type: "select",
          value: this.query.status,
          required: false,
          options: [
            ["", "All"],
            ["active", "Active"],
            ["inactive", "Inactive"],
            ["canceled", "Canceled"],
          ],
        }),
        h("button", { type: "submit", class: "secondary", text: "Search" }),
      ),
    );
    const rows = cards.data.map((c) =>
      h(
        "tr",
        { "data-testid": "card-row", "data-card": c.id },
        h("td", { text: holderName(c) }),
        h("td", { class: "mono", text: cardName(c) }),
        h("td", { text: humanize(c.type) }),
        h("td", {}, h("span", { class: `badge ${CARD_STATUS_CLASS[c.status] || ""}`, text: humanize(c.status) })),
        h(
          "td",
          {},
          h("button", {
            type: "button",
            class: "link",
            "aria-label": `View card ${cardName(c)} of ${holderName(c)}`,
            onclick: () => this.openCard(c.id),
            text: "View",
          }),
        ),
      ),
    );
    const page = async (cursor, forward) => {
      if (forward) this.cursors.push(this.after);
      else this.cursors.pop();
      await this.list(cursor).catch((e) => this.fail(e));
    };
    this.panel = h("div", {});
    this.show(
      h(
        "div",
        { class: "row spread" },
        h("h2", { text: "Cards" }),
        h(
          "div",
          { class: "row" },
          f.card_management
            ? h("button", { type: "button", onclick: () => this.openCreateCard(), text: "Create card" })
            : null,
          f.cardholder_management
            ? h("button", {
                type: "button",
                class: "secondary",
                onclick: () => this.openCreateCardholder(),
                text: "Add cardholder",
              })
            : null,
        ),
      ),
      message ? statusLine(message) : null,
      this.panel,
      search,
      cards.data.length
        ? h(
            "table",
            {},
            h("caption", { class: "sr-only", text: "Cards" }),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ["Cardholder", "Card", "Type", "Status", "Details"].map((t) => h("th", { scope: "col", text: t })),
              ),
            ),
            h("tbody", {}, rows),
          )
        : h("p", { class: "muted", text: this.query.q || this.query.status ? "No cards match." : "No cards yet." }),
      pager(this.cursors, cards, page),
    );
  }

  openPanel(...nodes) {
    this.panel.replaceChildren(h("div", { class: "panel" }, ...nodes));
  }
  closePanel() {
    this.panel.replaceChildren();
  }
  backToList(message) {
    this.list(null, message).catch((e) => this.fail(e));
  }

  async openCard(id) {
    try {
      const card = await this.api("GET", `/issuing/cards/${encodeURIComponent(id)}`);
      const back = h("button", {
        type: "button",
        class: "secondary",
        onclick: () => this.backToList(),
        text: "Back to cards",
      });
      this.show(back, new CardDetail(this, card, true).render());
    } catch (e) {
      this.fail(e);
    }
  }
}

/** issuing-card: one card (defaultCard), optionally with a switcher between the account's cards (cardSwitching). */
class IssuingCard extends IssuingCardsList {
  get component() {
    return "issuing_card";
  }
  get reloadOn() {
    return ["defaultCard", "cardSwitching"];
  }

  async load() {
    let id = typeof this.props.defaultCard === "string" ? this.props.defaultCard : null;
    const cards =
      this.props.cardSwitching !== false || !id ? await this.api("GET", "/issuing/cards?limit=100") : { data: [] };
    if (!id) id = cards.data[0] ? cards.data[0].id : null;
    if (!id) return this.show(h("p", { class: "muted", text: "No cards yet." }));
    const card = await this.api("GET", `/issuing/cards/${encodeURIComponent(id)}`);
    const switcher =
      this.props.cardSwitching !== false && cards.data.length > 1
        ? field({
            name: "card",
            label: "Card",
            type: "select",
            value: id,
            options: cards.data.map((c) => [c.id, `${holderName(c)} ${cardName(c)}`]),
          })
        : null;
    if (switcher)
      switcher.querySelector("select").addEventListener("change", (ev) => {
        this.props.defaultCard = ev.target.value;
        this.run();
      });
    this.show(switcher, new CardDetail(this, card).render());
  }

  backToList() {
    this.run();
  }
}
