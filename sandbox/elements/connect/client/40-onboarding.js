/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// account-onboarding and notification-banner: the account's due requirements, collected with the
// same field definitions as the sandbox's hosted onboarding page (served by /connect/api/account).

const TOS = ["tos_acceptance.date", "tos_acceptance.ip"];

/** collectionOptions (and skipTermsOfServiceCollection) → the query the API understands. */
function requirementsQuery(props) {
  const o = props.collectionOptions || {};
  const q = new URLSearchParams();
  if (o.fields === "eventually_due") q.set("fields", "eventually_due");
  const r = o.requirements || {};
  if (Array.isArray(r.only)) q.set("only", r.only.join(","));
  const exclude = [...(Array.isArray(r.exclude) ? r.exclude : []), ...(props.skipTermsOfServiceCollection ? TOS : [])];
  if (exclude.length) q.set("exclude", exclude.join(","));
  return q;
}

/** The requirements form; resolves through `onSaved(account)` after a successful submission. */
function requirementsForm(el, account, onSaved, extra) {
  const q = requirementsQuery(el.props);
  const links = [
    ["fullTermsOfServiceUrl", "Terms of service"],
    ["privacyPolicyUrl", "Privacy policy"],
  ].filter(([k]) => typeof el.props[k] === "string");
  const fields = account.fields.map((f) =>
    field({ ...f, type: f.type, value: f.value, options: f.options, hint: f.hint }),
  );
  const form = formEl(
    (f) =>
      busy(f, async () => {
        try {
          const saved = await el.api(
            "POST",
            `/account/requirements?${q}`,
            { values: formValues(f) },
            { idempotencyKey: newKey() },
          );
          onSaved(saved);
        } catch (e) {
          el.actionFailed(e, f);
        }
      }),
    fields,
    links.length
      ? h(
          "p",
          { class: "muted" },
          links.map(([k, label]) => [
            h("a", { href: el.props[k], target: "_blank", rel: "noopener", text: label }),
            " ",
          ]),
        )
      : null,
    h("div", { class: "row" }, h("button", { type: "submit", text: "Save and continue" }), extra || null),
  );
  return form;
}

function dueCount(account) {
  const r = account.requirements;
  return new Set([...r.currently_due, ...r.past_due]).size;
}

class AccountOnboarding extends ConnectElement {
  get component() {
    return "account_onboarding";
  }
  get reloadOn() {
    return ["collectionOptions", "skipTermsOfServiceCollection"];
  }

  step(name) {
    if (typeof this.props.onStepChange === "function") this.props.onStepChange({ step: name });
  }
  exit() {
    if (typeof this.props.onExit === "function") this.props.onExit();
  }

  async load() {
    const account = await this.api("GET", `/account?${requirementsQuery(this.props)}`);
    this.render(account);
  }

  render(account, afterSave) {
    const close = h("button", { type: "button", class: "secondary", onclick: () => this.exit(), text: "Close" });
    if (!account.fields.length) {
      this.step("summary");
      const pending = account.requirements.pending_verification.length > 0;
      return this.show(
        afterSave
          ? focusHeading("Your account details are complete", "h2")
          : h("h2", { text: "Your account details are complete" }),
        h("p", {
          class: "muted",
          text: pending ? "Stripe is verifying the information you provided." : "Nothing else is needed right now.",
        }),
        h("button", { type: "button", onclick: () => this.exit(), text: "Done" }),
      );
    }
    this.step("requirements");
    this.show(
      h("h2", { text: "Set up your account" }),
      h("p", { class: "muted", text: `Account ${account.id} · Sandbox: Stripe's test values are prefilled.` }),
      requirementsForm(this, account, (saved) => this.render(saved, true), close),
    );
  }
}

class NotificationBanner extends ConnectElement {
  get component() {
    return "notification_banner";
  }
  get reloadOn() {
    return ["collectionOptions"];
  }

  async load() {
    this.render(await this.api("GET", `/account?${requirementsQuery(this.props)}`));
  }

  render(account) {
    const r = account.requirements;
    const notes = [];
    const due = dueCount(account);
    if (due)
      notes.push({
        action: true,
        text:
          r.past_due.length || r.disabled_reason
            ? "Your account is restricted until you provide the missing information."
            : "Provide the missing information about your business to keep your account in good standing.",
      });
    if (r.pending_verification.length)
      notes.push({ action: false, text: "Stripe is verifying the information you provided." });
    const total = notes.length;
    const actionRequired = notes.filter((n) => n.action).length;
    if (typeof this.props.onNotificationsChange === "function")
      this.props.onNotificationsChange({ total, actionRequired });
    this.view.hidden = total === 0; // like Stripe's banner: nothing to show, nothing rendered
    this.show(
      ...notes.map((n) =>
        h(
          "div",
          { class: n.action ? "alert" : "notice", role: n.action ? "alert" : "status" },
          h("p", { text: n.text }),
          n.action && account.fields.length
            ? h("button", { type: "button", onclick: () => this.openForm(account), text: "Provide information" })
            : null,
        ),
      ),
    );
  }

  openForm(account) {
    const cancel = h("button", {
      type: "button",
      class: "secondary",
      onclick: () => this.render(account),
      text: "Cancel",
    });
    this.show(
      focusHeading("Provide information"),
      requirementsForm(this, account, (saved) => this.render(saved), cancel),
    );
  }
}
