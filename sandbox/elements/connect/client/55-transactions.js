/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// financial-account-transactions: the Treasury transactions of one financial account, a page at a time.

const FLOW_LABELS = {
  outbound_payment: "Payment sent",
  outbound_transfer: "Transfer out",
  inbound_transfer: "Transfer in",
  received_credit: "Money received",
  received_debit: "Money debited",
  issuing_authorization: "Card authorization",
  credit_reversal: "Credit reversal",
  debit_reversal: "Debit reversal",
  other: "Other",
};
const PAGE = 10;

class FinancialAccountTransactions extends FinancialAccountElement {
  get component() {
    return "financial_account_transactions";
  }

  async loadAccount() {
    this.cursors = []; // starting_after of each page shown so far, for "Previous"
    await this.page(null);
  }

  async page(after) {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (after) q.set("starting_after", after);
    const list = await this.api(
      "GET",
      `/financial_accounts/${encodeURIComponent(this.props.financialAccount)}/transactions?${q}`,
    );
    this.render(list, after);
  }

  render(list, after) {
    const loc = this.connector.locale;
    const rows = list.data.map((t) =>
      h(
        "tr",
        { "data-testid": "transaction-row" },
        h("td", { text: date(t.created, loc) }),
        h("td", { text: t.description || FLOW_LABELS[t.flow_type] || humanize(t.flow_type) }),
        h(
          "td",
          {},
          h("span", {
            class: `badge ${t.status === "posted" ? "ok" : t.status === "void" ? "bad" : "warn"}`,
            text: humanize(t.status),
          }),
        ),
        h("td", { class: "num", text: money(t.amount, t.currency, loc) }),
      ),
    );
    const go = async (cursor, push) => {
      try {
        if (push) this.cursors.push(after);
        else this.cursors.pop();
        await this.page(cursor);
      } catch (e) {
        this.fail(e);
      }
    };
    this.show(
      h("h2", { text: "Transactions" }),
      list.data.length
        ? h(
            "table",
            {},
            h("caption", { class: "sr-only", text: "Financial account transactions" }),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col", text: "Date" }),
                h("th", { scope: "col", text: "Description" }),
                h("th", { scope: "col", text: "Status" }),
                h("th", { scope: "col", class: "num", text: "Amount" }),
              ),
            ),
            h("tbody", {}, rows),
          )
        : h("p", { class: "muted", text: "No transactions yet." }),
      pager(this.cursors, list, go),
    );
  }
}
