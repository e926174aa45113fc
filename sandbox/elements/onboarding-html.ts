import type Stripe from "stripe";
import type { FieldDef } from "./onboarding-form";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Plain HTML and CSS, no external assets: works offline and with the keyboard alone.
const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1f36;background:#f6f9fc}
main{max-width:34rem;margin:2rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.5rem;margin:0 0 .25rem}.sub{color:#4f566b;margin:0 0 1.5rem}.badge{display:inline-block;font-size:.75rem;background:#ffde92;padding:0 .5rem;border-radius:4px}
.field{margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}.check label{display:inline;font-weight:400}
input[type=text],input[type=email],input[type=tel],input[type=date],input[type=url],select{width:100%;padding:.5rem;border:1px solid #8792a2;border-radius:4px;font:inherit}
input[type=checkbox]{width:1.1rem;height:1.1rem;vertical-align:middle;margin-right:.5rem}
input:focus,select:focus,button:focus,a:focus{outline:3px solid #635bff;outline-offset:2px}
[aria-invalid=true]{border-color:#c0123c;border-width:2px}.error{color:#c0123c;margin:.25rem 0 0;font-weight:600}.hint{color:#4f566b;font-size:.875rem;margin:0 0 .25rem}
.summary{border:2px solid #c0123c;border-radius:4px;padding:1rem;margin-bottom:1.5rem}.summary h2{font-size:1.1rem;margin:0 0 .5rem}.summary a{color:#c0123c}
button{background:#635bff;color:#fff;border:0;border-radius:4px;padding:.75rem 1.5rem;font:inherit;font-weight:600;cursor:pointer}
`;

function field(f: FieldDef, value: string, error: string | undefined): string {
  const id = `f-${f.name}`;
  const described = [f.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const aria = `${described ? ` aria-describedby="${described}"` : ""}${error ? ' aria-invalid="true"' : ""}`;
  const hint = f.hint ? `<p class="hint" id="${id}-hint">${esc(f.hint)}</p>` : "";
  const err = error ? `<p class="error" id="${id}-error">${esc(error)}</p>` : "";
  if (f.type === "checkbox") {
    return `<div class="field check"><input type="checkbox" id="${id}" name="${f.name}" value="on"${value === "on" ? " checked" : ""} required${aria}><label for="${id}">${esc(f.label)}</label>${err}</div>`;
  }
  if (f.type === "select") {
    const opts = (f.options ?? [])
      .map(([v, l]) => `<option value="${esc(v)}"${v === value ? " selected" : ""}>${esc(l)}</option>`)
      .join("");
    return `<div class="field"><label for="${id}">${esc(f.label)}</label>${hint}<select id="${id}" name="${f.name}"${aria}>${opts}</select>${err}</div>`;
  }
  const auto = f.autocomplete ? ` autocomplete="${f.autocomplete}"` : "";
  return `<div class="field"><label for="${id}">${esc(f.label)}</label>${hint}<input type="${f.type ?? "text"}" id="${id}" name="${f.name}" value="${esc(value)}" required${auto}${aria}>${err}</div>`;
}

export type PageInput = {
  title: string;
  message?: string;
  account?: Stripe.Account;
  fields?: FieldDef[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
};

export function renderPage(p: PageInput): string {
  const errors = p.errors ?? {};
  const errorNames = Object.keys(errors);
  const label = (name: string) => p.fields?.find((f) => f.name === name)?.label ?? name;
  const summary = errorNames.length
    ? `<div class="summary" role="alert" tabindex="-1" id="error-summary" autofocus><h2>Fix ${errorNames.length === 1 ? "this problem" : `these ${errorNames.length} problems`}</h2><ul>${errorNames
        .map((n) => `<li><a href="#f-${n}">${esc(label(n))}: ${esc(errors[n] ?? "")}</a></li>`)
        .join("")}</ul></div>`
    : "";
  const body = p.fields
    ? `${summary}<form method="post" novalidate>${p.fields.map((f) => field(f, p.values?.[f.name] ?? "", errors[f.name])).join("")}<button type="submit">Submit</button></form>`
    : `<p>${esc(p.message ?? "")}</p>`;
  const sub = p.account
    ? `<p class="sub">Account <code>${esc(p.account.id)}</code> · test values are prefilled <span class="badge">Sandbox</span></p>`
    : "";
  const title = `${errorNames.length ? "Error: " : ""}${p.title}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · Sandbox onboarding</title><style>${CSS}</style></head><body><main><h1>${esc(p.title)}</h1>${sub}${body}</main></body></html>`;
}
