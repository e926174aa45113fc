// Card forms: create cardholder, create card, spending controls, card transactions and disputes.

Object.assign(CardDetail.prototype, {
  async loadTransactions() {
    try {
      const list = await this.api("GET", `/issuing/cards/${encodeURIComponent(this.card.id)}/transactions?limit=20`);
      const canDispute = this.f.card_spend_dispute_management;
      this.txns.replaceChildren(
        list.data.length
          ? h(
              "table",
              {},
              h("caption", { class: "sr-only", text: "Card transactions" }),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ["Date", "Merchant", "Amount", ""].map((t) => h("th", { scope: "col", text: t })),
                ),
              ),
              h(
                "tbody",
                {},
                list.data.map((t) =>
                  h(
                    "tr",
                    { "data-testid": "card-transaction-row" },
                    h("td", { text: date(t.created, this.loc()) }),
                    h("td", { text: (t.merchant_data && t.merchant_data.name) || humanize(t.type) }),
                    h("td", { class: "num", text: money(t.amount, t.currency, this.loc()) }),
                    h(
                      "td",
                      {},
                      t.dispute
                        ? h("span", { class: "badge", text: "Disputed" })
                        : canDispute && t.type === "capture"
                          ? h("button", {
                              type: "button",
                              class: "link",
                              "aria-label": `Dispute ${money(-t.amount, t.currency, this.loc())} at ${(t.merchant_data && t.merchant_data.name) || "merchant"}`,
                              onclick: () => this.openDispute(t),
                              text: "Dispute",
                            })
                          : null,
                    ),
                  ),
                ),
              ),
            )
          : h("p", { class: "muted", text: "No transactions yet." }),
      );
    } catch (e) {
      this.txns.replaceChildren(h("p", { class: "alert", role: "alert", text: e.message }));
    }
  },

  openDispute(txn) {
    const form = formEl(
      (f) => {
        const v = formValues(f);
        if (!v.explanation.trim()) return showFormErrors(f, { explanation: "Explain what went wrong." });
        return busy(f, async () => {
          try {
            const d = await this.api("POST", `/issuing/transactions/${encodeURIComponent(txn.id)}/dispute`, v, {
              idempotencyKey: newKey(),
            });
            this.render(`Dispute ${d.id} submitted (${humanize(d.status)}).`);
          } catch (e) {
            this.owner.actionFailed(e, f);
          }
        });
      },
      field({
        name: "reason",
        label: "Reason",
        type: "select",
        value: "other",
        options: [
          ["fraudulent", "I did not make this purchase"],
          ["no_valid_authorization", "I did not authorize this amount"],
          ["other", "Something else"],
        ],
        params: ["evidence[reason]"],
      }),
      field({
        name: "product_type",
        label: "What was bought",
        type: "select",
        value: "merchandise",
        options: [
          ["merchandise", "Goods"],
          ["service", "A service"],
        ],
      }),
      field({
        name: "explanation",
        label: "What went wrong",
        type: "textarea",
        params: ["evidence[other][explanation]", "evidence[fraudulent][explanation]"],
      }),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", text: "Submit dispute" }),
        h("button", {
          type: "button",
          class: "secondary",
          onclick: () => this.panel.replaceChildren(),
          text: "Cancel",
        }),
      ),
    );
    this.openPanel(focusHeading(`Dispute ${money(-txn.amount, txn.currency, this.loc())}`), form);
  },

  openLimits() {
    const c = this.card;
    const current = (c.spending_controls && c.spending_controls.spending_limits) || [];
    const first = current[0] || { amount: 50000, interval: "daily" };
    const form = formEl(
      (f) => {
        const v = formValues(f);
        const amount = v.amount.trim() ? parseAmount(v.amount) : null;
        if (v.amount.trim() && !amount)
          return showFormErrors(f, {
            amount: "Enter an amount greater than zero, e.g. 500.00, or leave it empty for no limit.",
          });
        return busy(f, async () => {
          try {
            const body = {
              spending_limits: amount ? [{ amount, interval: v.interval }] : [],
              blocked_categories: v.block_atm === "on" ? ["automated_cash_disburse"] : [],
            };
            await this.update("spending_controls", body, "Spending controls saved.");
          } catch (e) {
            this.owner.actionFailed(e, f);
          }
        });
      },
      field({
        name: "amount",
        label: "Spending limit (USD)",
        required: false,
        inputmode: "decimal",
        value: (first.amount / 100).toFixed(2),
        hint: "Leave empty for no limit",
        params: ["spending_limits[0][amount]", "spending_controls[spending_limits][0][amount]"],
      }),
      field({
        name: "interval",
        label: "Limit applies",
        type: "select",
        value: first.interval,
        options: LIMIT_INTERVALS,
      }),
      field({
        name: "block_atm",
        label: "Block ATM withdrawals",
        type: "checkbox",
        value: ((c.spending_controls && c.spending_controls.blocked_categories) || []).includes(
          "automated_cash_disburse",
        ),
      }),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", text: "Save spending controls" }),
        h("button", {
          type: "button",
          class: "secondary",
          onclick: () => this.panel.replaceChildren(),
          text: "Cancel",
        }),
      ),
    );
    this.openPanel(focusHeading("Edit spending controls"), form);
  },
});

Object.assign(IssuingCardsList.prototype, {
  openCreateCardholder() {
    const form = formEl(
      (f) =>
        busy(f, async () => {
          const v = formValues(f);
          try {
            const body = {
              first_name: v.first_name,
              last_name: v.last_name,
              email: v.email,
              phone_number: v.phone_number,
              accept_terms: v.accept_terms === "on",
              address: { line1: v.line1, city: v.city, state: v.state, postal_code: v.postal_code, country: v.country },
            };
            const holder = await this.api("POST", "/issuing/cardholders", body, { idempotencyKey: newKey() });
            if (this.features.card_management) this.openCreateCard(holder.id, `Cardholder ${holder.name} created.`);
            else this.backToList(`Cardholder ${holder.name} created.`);
          } catch (e) {
            this.actionFailed(e, f);
          }
        }),
      field({
        name: "first_name",
        label: "First name",
        autocomplete: "given-name",
        params: ["individual[first_name]", "name"],
      }),
      field({ name: "last_name", label: "Last name", autocomplete: "family-name", params: ["individual[last_name]"] }),
      field({ name: "email", label: "Email", type: "email", required: false, autocomplete: "email" }),
      field({ name: "phone_number", label: "Phone", type: "tel", required: false, autocomplete: "tel" }),
      field({
        name: "line1",
        label: "Street address",
        autocomplete: "address-line1",
        value: "1234 Main Street",
        params: ["address[line1]", "billing[address][line1]"],
      }),
      field({
        name: "city",
        label: "City",
        autocomplete: "address-level2",
        value: "San Francisco",
        params: ["address[city]", "billing[address][city]"],
      }),
      field({ name: "state", label: "State", autocomplete: "address-level1", value: "CA", required: false }),
      field({
        name: "postal_code",
        label: "Postal code",
        autocomplete: "postal-code",
        value: "94111",
        params: ["address[postal_code]", "billing[address][postal_code]"],
      }),
      field({
        name: "country",
        label: "Country",
        type: "select",
        value: "US",
        options: [
          ["US", "United States"],
          ["MX", "Mexico"],
          ["AR", "Argentina"],
        ],
        params: ["billing[address][country]"],
      }),
      field({
        name: "accept_terms",
        label: "The cardholder accepts the Issuing terms",
        type: "checkbox",
        params: ["accept_terms"],
      }),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", text: "Save cardholder" }),
        h("button", { type: "button", class: "secondary", onclick: () => this.closePanel(), text: "Cancel" }),
      ),
    );
    this.openPanel(focusHeading("Add cardholder"), form);
  },

  async openCreateCard(cardholder, message) {
    const [holders, sources, designs] = await Promise.all([
      this.api("GET", "/issuing/cardholders").catch(() => ({ data: [] })),
      this.api("GET", "/issuing/funding_sources").catch(() => ({ data: [] })),
      this.api("GET", "/issuing/personalization_designs").catch(() => ({ data: [] })),
    ]);
    const active = holders.data.filter((x) => x.status === "active");
    if (!active.length) {
      return this.openPanel(
        focusHeading("Create card"),
        h("p", { text: "Create a cardholder first." }),
        this.features.cardholder_management
          ? h("button", { type: "button", onclick: () => this.openCreateCardholder(), text: "Add cardholder" })
          : null,
      );
    }
    const chosen = cardholder || active[0].id;
    const holderById = (id) => active.find((x) => x.id === id);
    const physical = physicalOrderFields(holderById(chosen), designs.data);
    const activate = field({ name: "activate", label: "Activate the card now", type: "checkbox", value: "on" });
    const submit = h("button", { type: "submit", text: "Create virtual card" });
    const form = formEl(
      (f) =>
        busy(f, async () => {
          const v = formValues(f);
          try {
            // A stablecoin account's source is a v2 financial account: Stripe's parameter for it is financial_account_v2.
            const source = sources.data.find((s) => s.id === v.financial_account);
            const funding = !source
              ? {}
              : source.api === "v2"
                ? { financial_account_v2: source.id }
                : { financial_account: source.id };
            const kind = v.type === "physical" ? physicalOrderBody(v) : { activate: v.activate === "on" };
            const card = await this.api(
              "POST",
              "/issuing/cards",
              { cardholder: v.cardholder, ...funding, ...kind },
              { idempotencyKey: newKey() },
            );
            this.backToList(
              card.type === "physical"
                ? `Physical card ${cardName(card)} ordered for ${holderName(card)}; activate it once delivered.`
                : `Virtual card ${cardName(card)} created for ${holderName(card)}.`,
            );
          } catch (e) {
            this.actionFailed(e, f);
          }
        }),
      field({
        name: "cardholder",
        label: "Cardholder",
        type: "select",
        value: chosen,
        options: active.map((x) => [x.id, x.email ? `${x.name} (${x.email})` : x.name]),
      }),
      cardTypeChoice(designs.data.length > 0),
      field({
        name: "financial_account",
        label: "Spends from",
        type: "select",
        value: sources.data[0] ? sources.data[0].id : "",
        required: false,
        options: [
          ...sources.data.map((s) => [
            s.id,
            `${s.api === "v2" ? "USDC wallet" : "Financial account"} ${s.nickname || s.id}`,
          ]),
          ...(sources.issuing_balance === false ? [] : [["", "Issuing balance"]]),
        ],
        params: ["financial_account", "financial_account_v2"],
      }),
      activate,
      physical,
      h(
        "div",
        { class: "row" },
        submit,
        h("button", { type: "button", class: "secondary", onclick: () => this.closePanel(), text: "Cancel" }),
      ),
    );
    // Physical shows the order fields and drops "Activate now": Stripe makes physical cards inactive until delivered.
    const typed = new Set();
    form.addEventListener("input", (ev) => ev.target.name && typed.add(ev.target.name));
    form.addEventListener("change", (ev) => {
      if (ev.target.name === "cardholder") return refillShipping(form, holderById(ev.target.value), typed);
      if (ev.target.name !== "type") return;
      const isPhysical = ev.target.value === "physical";
      physical.hidden = !isPhysical;
      activate.hidden = isPhysical;
      submit.textContent = isPhysical ? "Order physical card" : "Create virtual card";
    });
    this.openPanel(message ? statusLine(message) : null, focusHeading("Create card"), form);
  },
});

/** Virtual or physical, as radios in a fieldset; physical needs an active card design to print. */
function cardTypeChoice(canOrderPhysical) {
  const radio = (value, label, disabled) => {
    const id = uid(`type-${value}`);
    return h(
      "div",
      { class: "field check" },
      h("input", { id, type: "radio", name: "type", value, checked: value === "virtual", disabled }),
      h("label", { for: id, text: label }),
    );
  };
  // The fieldset carries the `type` param so an error about it shows beneath the choice (showFormErrors).
  const id = uid("type");
  return h(
    "fieldset",
    { id, "data-params": "type", tabindex: "-1", "aria-describedby": `${id}-error` },
    h("legend", { text: "Card type" }),
    radio("virtual", "Virtual"),
    radio("physical", "Physical (shipped to the cardholder)", !canOrderPhysical),
    canOrderPhysical ? null : h("p", { class: "hint", text: "Physical cards need an active card design." }),
    h("p", { class: "error", id: `${id}-error` }),
  );
}
