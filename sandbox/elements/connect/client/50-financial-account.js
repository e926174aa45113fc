/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// financial-account: balances, the financial address, and (per feature) send money, transfer balance, bank accounts.

function balanceItem(label, amount, currency, testid, locale) {
  return h(
    "div",
    { "data-testid": testid },
    h("dt", { text: label }),
    h("dd", { text: money(amount, currency, locale) }),
  );
}

class FinancialAccount extends FinancialAccountElement {
  get component() {
    return "financial_account";
  }

  async loadAccount(id) {
    this.fa = await this.api("GET", `/financial_accounts/${encodeURIComponent(id)}`);
    this.render();
  }

  async refresh(message) {
    try {
      this.fa = await this.api("GET", `/financial_accounts/${encodeURIComponent(this.fa.id)}`);
      this.render(message);
    } catch (e) {
      this.fail(e);
    }
  }

  render(message) {
    const fa = this.fa;
    const loc = this.connector.locale;
    const cur = (fa.supported_currencies || ["usd"])[0];
    const b = fa.balance || {};
    const aba = (fa.financial_addresses || []).find((a) => a.type === "aba");
    const address =
      aba && aba.aba
        ? h(
            "dl",
            { class: "pairs", "data-testid": "financial-address" },
            h("dt", { text: "Routing number" }),
            h("dd", { class: "mono", text: aba.aba.routing_number }),
            h("dt", { text: "Account number" }),
            h("dd", { class: "mono", text: `•••• ${aba.aba.account_number_last4}` }),
            h("dt", { text: "Bank" }),
            h("dd", { text: aba.aba.bank_name || "" }),
          )
        : h("p", {
            class: "muted",
            text: (fa.pending_features || []).includes("financial_addresses.aba")
              ? "The account and routing numbers are being set up."
              : "This account has no financial address.",
          });
    const f = this.features;
    this.panel = h("div", { class: "panel-slot" });
    const actions = h(
      "div",
      { class: "row" },
      f.send_money ? h("button", { type: "button", onclick: () => this.openSendMoney(), text: "Send money" }) : null,
      f.transfer_balance
        ? h("button", {
            type: "button",
            class: "secondary",
            onclick: () => this.openTransfer(),
            text: "Transfer balance",
          })
        : null,
      f.external_account_collection
        ? h("button", {
            type: "button",
            class: "secondary",
            onclick: () => this.openBankAccounts(),
            text: "Bank accounts",
          })
        : null,
    );
    this.show(
      h(
        "div",
        { class: "row spread" },
        h("h2", { text: fa.nickname || "Financial account" }),
        h("span", { class: `badge ${fa.status === "open" ? "ok" : "bad"}`, text: humanize(fa.status) }),
      ),
      message ? statusLine(message) : null,
      h("h3", { text: "Balance" }),
      h(
        "dl",
        { class: "balances" },
        balanceItem("Cash balance", (b.cash || {})[cur], cur, "balance-cash", loc),
        balanceItem("Inbound pending", (b.inbound_pending || {})[cur], cur, "balance-inbound-pending", loc),
        balanceItem("Outbound pending", (b.outbound_pending || {})[cur], cur, "balance-outbound-pending", loc),
      ),
      h("h3", { text: "Account details" }),
      address,
      actions,
      this.panel,
    );
  }

  openPanel(...nodes) {
    this.panel.replaceChildren(h("div", { class: "panel" }, ...nodes));
  }

  closePanel() {
    this.panel.replaceChildren();
  }
}
