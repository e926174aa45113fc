/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// Styles: one base sheet driven by custom properties, and a per-element theme from appearance.variables.

// appearance.variables name → custom property, with the sandbox's default (Stripe-like) value.
const THEME = [
  ["colorPrimary", "--sc-primary", "#635bff"],
  ["colorBackground", "--sc-bg", "#ffffff"],
  ["colorText", "--sc-text", "#1a1f36"],
  ["colorSecondaryText", "--sc-muted", "#596171"],
  ["colorDanger", "--sc-danger", "#c0123c"],
  ["colorBorder", "--sc-border", "#d8dee4"],
  ["fontFamily", "--sc-font", "system-ui, -apple-system, 'Segoe UI', sans-serif"],
  ["fontSizeBase", "--sc-font-size", "14px"],
  ["borderRadius", "--sc-radius", "6px"],
  ["spacingUnit", "--sc-space", "8px"],
  ["buttonPrimaryColorBackground", "--sc-btn-bg", null],
  ["buttonPrimaryColorText", "--sc-btn-text", "#ffffff"],
  ["buttonPrimaryColorBorder", "--sc-btn-border", null],
  ["buttonSecondaryColorBackground", "--sc-btn2-bg", null],
  ["buttonSecondaryColorText", "--sc-btn2-text", null],
  ["buttonDangerColorBackground", "--sc-btn-danger-bg", null],
  ["buttonBorderRadius", "--sc-btn-radius", null],
  ["formBackgroundColor", "--sc-form-bg", null],
  ["formHighlightColorBorder", "--sc-focus", null],
  ["formBorderRadius", "--sc-form-radius", null],
  ["offsetBackgroundColor", "--sc-offset-bg", "#f6f8fa"],
  ["badgeSuccessColorBackground", "--sc-badge-ok-bg", "#d7f7c2"],
  ["badgeWarningColorBackground", "--sc-badge-warn-bg", "#fcedb9"],
  ["badgeDangerColorBackground", "--sc-badge-bad-bg", "#ffe7f2"],
  ["badgeNeutralColorBackground", "--sc-badge-bg", "#ebeef1"],
];

const BASE_CSS = `
:host{display:block;max-width:100%;overflow-x:auto;color:var(--sc-text);font-family:var(--sc-font);font-size:var(--sc-font-size);line-height:1.5}
*{box-sizing:border-box}
.sc{background:var(--sc-bg);border:1px solid var(--sc-border);border-radius:var(--sc-radius);padding:calc(var(--sc-space)*2)}
h2{font-size:1.25em;margin:0 0 var(--sc-space)}h3{font-size:1.05em;margin:calc(var(--sc-space)*2) 0 var(--sc-space)}
p{margin:0 0 var(--sc-space)}.muted{color:var(--sc-muted)}
.row{display:flex;flex-wrap:wrap;gap:var(--sc-space);align-items:center}.spread{justify-content:space-between}
dl.balances{display:grid;grid-template-columns:repeat(auto-fit,minmax(10em,1fr));gap:var(--sc-space);margin:0 0 var(--sc-space)}
dl.balances div{background:var(--sc-offset-bg);border-radius:var(--sc-radius);padding:var(--sc-space)}
dt{color:var(--sc-muted);font-size:.9em}dd{margin:0;font-size:1.3em;font-weight:600}
dl.pairs{display:grid;grid-template-columns:max-content 1fr;gap:calc(var(--sc-space)/2) calc(var(--sc-space)*2)}dl.pairs dd{font-size:1em;font-weight:500}
button{font:inherit;cursor:pointer;border-radius:var(--sc-btn-radius,var(--sc-radius));padding:calc(var(--sc-space)*.75) calc(var(--sc-space)*1.5);border:1px solid var(--sc-btn-border,var(--sc-btn-bg,var(--sc-primary)));background:var(--sc-btn-bg,var(--sc-primary));color:var(--sc-btn-text);font-weight:600}
button.secondary{background:var(--sc-btn2-bg,var(--sc-bg));color:var(--sc-btn2-text,var(--sc-text));border-color:var(--sc-border)}
button.danger{background:var(--sc-btn-danger-bg,var(--sc-danger));border-color:var(--sc-btn-danger-bg,var(--sc-danger));color:#fff}
button.link{background:none;border:0;color:var(--sc-primary);padding:0;text-decoration:underline}
button[disabled]{opacity:.6;cursor:progress}
:focus-visible{outline:3px solid var(--sc-focus,var(--sc-primary));outline-offset:2px}
.field{margin:0 0 calc(var(--sc-space)*1.5)}label{display:block;font-weight:600;margin-bottom:2px}.check label{display:inline;font-weight:400}
input,select,textarea{font:inherit;color:inherit;width:100%;padding:calc(var(--sc-space)*.75);border:1px solid var(--sc-border);border-radius:var(--sc-form-radius,var(--sc-radius));background:var(--sc-form-bg,var(--sc-bg))}
input[type=checkbox],input[type=radio]{width:auto;margin-right:var(--sc-space)}
[aria-invalid=true]{border-color:var(--sc-danger);border-width:2px}
.error{color:var(--sc-danger);font-weight:600;margin:2px 0 0}.error:empty{display:none}
.hint{color:var(--sc-muted);font-size:.9em;margin:0 0 2px}
.alert{border:1px solid var(--sc-danger);color:var(--sc-danger);border-radius:var(--sc-radius);padding:var(--sc-space);margin:0 0 var(--sc-space)}
.notice{background:var(--sc-offset-bg);border-radius:var(--sc-radius);padding:var(--sc-space);margin:0 0 var(--sc-space)}
.panel{border-top:1px solid var(--sc-border);margin-top:calc(var(--sc-space)*2);padding-top:calc(var(--sc-space)*2)}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:calc(var(--sc-space)*.75) calc(var(--sc-space)/2);border-bottom:1px solid var(--sc-border)}th{color:var(--sc-muted);font-weight:600;font-size:.9em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:999px;padding:0 var(--sc-space);font-size:.85em;background:var(--sc-badge-bg)}
.badge.ok{background:var(--sc-badge-ok-bg)}.badge.warn{background:var(--sc-badge-warn-bg)}.badge.bad{background:var(--sc-badge-bad-bg)}
.skeleton{color:var(--sc-muted)}.mono{font-family:ui-monospace,monospace;letter-spacing:.05em}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

let baseSheet = null;
const canAdopt =
  typeof CSSStyleSheet === "function" &&
  "adoptedStyleSheets" in Document.prototype &&
  "replaceSync" in CSSStyleSheet.prototype;

/** Custom properties for one element from the instance's appearance (defaults where unset). */
function themeCss(appearance) {
  const vars = (appearance && appearance.variables) || {};
  const decls = [];
  for (const [name, prop, fallback] of THEME) {
    const v = vars[name] !== undefined ? vars[name] : fallback;
    if (v !== null && v !== undefined && /^[^;{}<>]*$/.test(String(v))) decls.push(`${prop}:${v}`);
  }
  return `:host{${decls.join(";")}}`;
}

/** Attaches the base sheet and returns a function that (re)applies the theme. Constructed sheets need no inline-style CSP allowance. */
function installStyles(root) {
  if (canAdopt) {
    if (!baseSheet) {
      baseSheet = new CSSStyleSheet();
      baseSheet.replaceSync(BASE_CSS);
    }
    const theme = new CSSStyleSheet();
    root.adoptedStyleSheets = [baseSheet, theme];
    return (appearance) => theme.replaceSync(themeCss(appearance));
  }
  const base = h("style", { text: BASE_CSS });
  const theme = h("style");
  root.append(base, theme);
  return (appearance) => (theme.textContent = themeCss(appearance));
}
