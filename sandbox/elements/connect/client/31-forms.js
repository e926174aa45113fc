/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// Labelled fields with errors beside them, an error line for the form, and submit handling.

/**
 * One labelled control. `params` lists the API parameter names whose errors belong here.
 * Types: text (default), email, tel, date, url, number, checkbox, select, textarea.
 */
function field(o) {
  const id = uid(o.name);
  const hintId = o.hint ? `${id}-hint` : null;
  const errId = `${id}-error`;
  const common = {
    id,
    name: o.name,
    "aria-describedby": [hintId, errId].filter(Boolean).join(" "),
    "data-params": [o.name, ...(o.params || [])].join(" "),
    required: o.required !== false && o.type !== "checkbox" ? true : null,
    autocomplete: o.autocomplete || null,
  };
  let control;
  if (o.type === "select") {
    control = h(
      "select",
      common,
      (o.options || []).map(([v, l]) => h("option", { value: v, selected: String(o.value) === v, text: l })),
    );
  } else if (o.type === "textarea") {
    control = h("textarea", { ...common, rows: 3 });
    control.value = o.value || "";
  } else if (o.type === "checkbox") {
    control = h("input", { ...common, type: "checkbox", value: "on", checked: o.value === "on" || o.value === true });
  } else {
    control = h("input", {
      ...common,
      type: o.type || "text",
      value: o.value || "",
      inputmode: o.inputmode || null,
      placeholder: o.placeholder || null,
    });
  }
  const label = h("label", { for: id, text: o.label });
  const hint = o.hint ? h("p", { class: "hint", id: hintId, text: o.hint }) : null;
  const error = h("p", { class: "error", id: errId });
  return o.type === "checkbox"
    ? h("div", { class: "field check" }, control, label, error)
    : h("div", { class: "field" }, label, hint, control, error);
}

function formEl(onsubmit, ...children) {
  const form = h("form", { novalidate: true }, h("div", { class: "form-error", role: "alert" }), ...children);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    onsubmit(form);
  });
  return form;
}

function formValues(form) {
  const out = {};
  for (const c of form.querySelectorAll("input,select,textarea")) {
    if (!c.name) continue;
    if (c.type === "checkbox") out[c.name] = c.checked ? "on" : "";
    else if (c.type === "radio") {
      if (c.checked) out[c.name] = c.value;
    } else out[c.name] = c.value;
  }
  return out;
}

function clearFormErrors(form) {
  for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
  for (const p of form.querySelectorAll(".error")) p.textContent = "";
  const top = form.querySelector(".form-error");
  if (top) top.replaceChildren();
}

/** Errors: `{name: message}` or a ConnectError (its `fields` map or its `param`). Focuses the first bad field. */
function showFormErrors(form, errors) {
  clearFormErrors(form);
  let map = errors;
  let general = null;
  if (errors instanceof ConnectError) {
    map = errors.detail.fields || (errors.detail.param ? { [errors.detail.param]: errors.message } : {});
    if (!Object.keys(map).length) general = errors.message;
  }
  let first = null;
  for (const [param, message] of Object.entries(map)) {
    const control = Array.from(form.querySelectorAll("[data-params]")).find((c) =>
      c.dataset.params.split(" ").includes(param),
    );
    if (!control) {
      general = general ? `${general} ${message}` : message;
      continue;
    }
    control.setAttribute("aria-invalid", "true");
    const err = form.querySelector(`#${control.id}-error`);
    if (err) err.textContent = message;
    first = first || control;
  }
  if (general) form.querySelector(".form-error").replaceChildren(h("p", { class: "alert", text: general }));
  if (first) first.focus();
}

/** Runs an async submit with its buttons disabled (no double submits) and a busy state for assistive tech. */
async function busy(form, fn) {
  const buttons = Array.from(form.querySelectorAll("button"));
  buttons.forEach((b) => (b.disabled = true));
  form.setAttribute("aria-busy", "true");
  try {
    return await fn();
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    form.removeAttribute("aria-busy");
  }
}

function statusLine(text) {
  return h("p", { class: "notice", role: "status", text });
}

/** A heading that takes focus, so keyboard and screen-reader users land on the panel that just opened. */
function focusHeading(text, level) {
  const el = h(level || "h3", { tabindex: "-1", text });
  setTimeout(() => el.focus(), 0);
  return el;
}
