// Registers every stripe-connect-* tag @stripe/connect-js 3.4.6 knows. Those outside the sandbox's
// scope accept the same contract and show a short notice, so nothing throws in the app.

class NotAvailable extends ConnectElement {
  async load() {
    this.show(
      h("p", { class: "muted", role: "note", text: `The ${this.tagShort} component is not available in the sandbox.` }),
    );
  }
}

const IMPLEMENTED = {
  "account-onboarding": AccountOnboarding,
  "notification-banner": NotificationBanner,
  "financial-account": FinancialAccount,
  "financial-account-transactions": FinancialAccountTransactions,
  "issuing-cards-list": typeof IssuingCardsList === "function" ? IssuingCardsList : null,
  "issuing-card": typeof IssuingCard === "function" ? IssuingCard : null,
};

for (const tag of Object.keys(TAG_SETTERS)) {
  const name = `stripe-connect-${tag}`;
  if (customElements.get(name)) continue; // loaded twice: keep the first definition
  const Base = IMPLEMENTED[tag] || NotAvailable;
  customElements.define(name, withSetters(class extends Base {}, tag));
}
