// The financial account's money forms. Each has a confirmation step before anything moves.

const BANK_PARAMS = (p) => ({
  account_holder_name: ["bank_account[account_holder_name]", `${p}[billing_details][name]`],
  routing_number: ["bank_account[routing_number]", `${p}[us_bank_account][routing_number]`],
  account_number: ["bank_account[account_number]", `${p}[us_bank_account][account_number]`],
});

function bankFields(prefix) {
  const p = BANK_PARAMS(prefix || "destination_payment_method_data");
  return h(
    "fieldset",
    { class: "bank" },
    h("legend", { text: "Bank account" }),
    field({
      name: "account_holder_name",
      label: "Account holder name",
      autocomplete: "name",
      params: p.account_holder_name,
    }),
    field({
      name: "routing_number",
      label: "Routing number",
      inputmode: "numeric",
      hint: "9 digits; 110000000 is Stripe's test bank",
      params: p.routing_number,
    }),
    field({
      name: "account_number",
      label: "Account number",
      inputmode: "numeric",
      hint: "4 to 17 digits, e.g. 000123456789",
      params: p.account_number,
    }),
    field({
      name: "account_holder_type",
      label: "Account holder type",
      type: "select",
      options: [
        ["individual", "Individual"],
        ["company", "Company"],
      ],
      value: "individual",
    }),
  );
}

function bankInput(v) {
  return {
    account_holder_name: v.account_holder_name,
    routing_number: v.routing_number,
    account_number: v.account_number,
    account_holder_type: v.account_holder_type,
  };
}

function checkBank(v) {
  const e = {};
  if (!v.account_holder_name.trim()) e.account_holder_name = "Enter the account holder's name.";
  if (!/^\d{9}$/.test(v.routing_number.trim())) e.routing_number = "Enter the 9-digit routing number.";
  if (!/^\d{4,17}$/.test(v.account_number.trim())) e.account_number = "Enter 4 to 17 digits.";
  return e;
}

const amountField = () =>
  field({ name: "amount", label: "Amount (USD)", inputmode: "decimal", hint: "For example 25.00", params: ["amount"] });
const bankLabel = (b) => `${b.name || b.bank_name || "Bank account"} ••••${b.last4}`;

/**
 * Shows `form`, then on submit a confirmation with `summary`; "Confirm" runs `send` with one
 * idempotency key per confirmation, so a double click sends once. Errors go back to the form.
 */
function confirmFlow(el, title, form, validate, summary, confirmLabel, send) {
  const wrap = h("div", {}, focusHeading(title), form);
  form.addEventListener("submit", () => {
    const v = formValues(form);
    const errors = validate(v);
    if (Object.keys(errors).length) return showFormErrors(form, errors);
    clearFormErrors(form);
    const key = newKey();
    const back = () => {
      confirm.remove();
      form.hidden = false;
      form.querySelector("button[type=submit]").focus();
    };
    const confirm = h(
      "div",
      { role: "group", "aria-label": "Confirm" },
      focusHeading(`Confirm: ${title.toLowerCase()}`),
      h(
        "dl",
        { class: "pairs" },
        summary(v).map(([k, val]) => [h("dt", { text: k }), h("dd", { text: val })]),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", onclick: (ev) => run(ev.currentTarget), text: confirmLabel }),
        h("button", { type: "button", class: "secondary", onclick: back, text: "Back" }),
      ),
    );
    const run = async (button) => {
      button.disabled = true;
      try {
        await send(v, key);
      } catch (e) {
        back();
        el.actionFailed(e, form);
      }
    };
    form.hidden = true;
    wrap.append(confirm);
  });
  return wrap;
}

Object.assign(FinancialAccount.prototype, {
  async openSendMoney() {
    const saved = (await this.api("GET", "/bank_accounts").catch(() => ({ data: [] }))).data;
    const newBank = bankFields();
    const to = field({
      name: "destination",
      label: "Send to",
      type: "select",
      value: saved.length ? saved[0].id : "",
      options: [...saved.map((b) => [b.id, bankLabel(b)]), ["", "A new bank account"]],
      params: ["destination", "destination_payment_method"],
    });
    const toggle = () => (newBank.hidden = to.querySelector("select").value !== "");
    to.querySelector("select").addEventListener("change", toggle);
    const form = formEl(
      () => {},
      to,
      newBank,
      amountField(),
      field({
        name: "network",
        label: "Speed",
        type: "select",
        value: "ach",
        options: [
          ["ach", "Standard (ACH, 1–2 business days)"],
          ["us_domestic_wire", "Wire (same day)"],
        ],
      }),
      field({ name: "description", label: "Description (optional)", required: false, params: ["description"] }),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", text: "Continue" }),
        h("button", { type: "button", class: "secondary", onclick: () => this.closePanel(), text: "Cancel" }),
      ),
    );
    toggle();
    const label = (v) =>
      v.destination
        ? bankLabel(saved.find((b) => b.id === v.destination) || {})
        : `${v.account_holder_name} ••••${v.account_number.slice(-4)}`;
    this.openPanel(
      confirmFlow(
        this,
        "Send money",
        form,
        (v) => ({
          ...(v.destination ? {} : checkBank(v)),
          ...(parseAmount(v.amount) ? {} : { amount: "Enter an amount greater than zero, e.g. 25.00." }),
        }),
        (v) => [
          ["Amount", money(parseAmount(v.amount), "usd", this.connector.locale)],
          ["To", label(v)],
          ["Speed", v.network === "ach" ? "Standard (ACH)" : "Wire"],
          ["From", this.fa.nickname || this.fa.id],
        ],
        "Confirm and send",
        async (v, key) => {
          const body = {
            amount: parseAmount(v.amount),
            network: v.network,
            description: v.description || undefined,
            ...(v.destination ? { destination: v.destination } : { bank_account: bankInput(v) }),
          };
          const obp = await this.api(
            "POST",
            `/financial_accounts/${encodeURIComponent(this.fa.id)}/outbound_payments`,
            body,
            { idempotencyKey: key },
          );
          await this.refresh(
            `Sent ${money(obp.amount, obp.currency, this.connector.locale)} to ${label(v)} (${obp.id}, ${humanize(obp.status)}).`,
          );
        },
      ),
    );
  },

  async openTransfer() {
    const [fas, banks] = await Promise.all([
      this.api("GET", "/financial_accounts").catch(() => ({ data: [] })),
      this.api("GET", "/bank_accounts?own=true").catch(() => ({ data: [] })),
    ]);
    const options = [
      ...banks.data.map((b) => [b.id, bankLabel(b)]),
      ...fas.data
        .filter((x) => x.id !== this.fa.id && x.status === "open")
        .map((x) => [x.id, `Financial account ${x.nickname || x.id}`]),
    ];
    if (!options.length) {
      return this.openPanel(
        focusHeading("Transfer balance"),
        h("p", { text: "There is nowhere to transfer to yet: add one of your own bank accounts first." }),
        this.features.external_account_collection
          ? h("button", { type: "button", onclick: () => this.openBankAccounts(), text: "Add bank account" })
          : null,
      );
    }
    const form = formEl(
      () => {},
      field({
        name: "destination",
        label: "Transfer to",
        type: "select",
        options,
        value: options[0][0],
        params: ["destination", "destination_payment_method"],
      }),
      amountField(),
      field({ name: "description", label: "Description (optional)", required: false }),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", text: "Continue" }),
        h("button", { type: "button", class: "secondary", onclick: () => this.closePanel(), text: "Cancel" }),
      ),
    );
    const name = (id) => (options.find((o) => o[0] === id) || [id, id])[1];
    this.openPanel(
      confirmFlow(
        this,
        "Transfer balance",
        form,
        (v) => (parseAmount(v.amount) ? {} : { amount: "Enter an amount greater than zero, e.g. 25.00." }),
        (v) => [
          ["Amount", money(parseAmount(v.amount), "usd", this.connector.locale)],
          ["To", name(v.destination)],
          ["From", this.fa.nickname || this.fa.id],
        ],
        "Confirm transfer",
        async (v, key) => {
          const obt = await this.api(
            "POST",
            `/financial_accounts/${encodeURIComponent(this.fa.id)}/outbound_transfers`,
            { amount: parseAmount(v.amount), destination: v.destination, description: v.description || undefined },
            { idempotencyKey: key },
          );
          await this.refresh(
            `Transferred ${money(obt.amount, obt.currency, this.connector.locale)} to ${name(v.destination)} (${obt.id}, ${humanize(obt.status)}).`,
          );
        },
      ),
    );
  },

  async openBankAccounts(message) {
    const banks = (await this.api("GET", "/bank_accounts?own=true").catch(() => ({ data: [] }))).data;
    const form = formEl(
      (f) => {
        const v = formValues(f);
        const errors = checkBank(v);
        if (Object.keys(errors).length) return showFormErrors(f, errors);
        return busy(f, async () => {
          try {
            await this.api("POST", "/bank_accounts", { bank_account: bankInput(v) }, { idempotencyKey: newKey() });
            this.openBankAccounts(`Bank account ••••${v.account_number.slice(-4)} added.`);
          } catch (e) {
            this.actionFailed(e, f);
          }
        });
      },
      bankFields("payment_method_data"),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", text: "Add bank account" }),
        h("button", { type: "button", class: "secondary", onclick: () => this.closePanel(), text: "Close" }),
      ),
    );
    this.openPanel(
      focusHeading("Bank accounts"),
      message ? statusLine(message) : null,
      banks.length
        ? h(
            "ul",
            {},
            banks.map((b) => h("li", { text: bankLabel(b) })),
          )
        : h("p", { class: "muted", text: "No bank accounts yet." }),
      form,
    );
  },
});
