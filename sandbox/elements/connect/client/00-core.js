/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// Shared helpers for every element. All files are concatenated inside one function (see serve-script.ts).

// The tags and setters @stripe/connect-js 3.4.6 uses (its connectElementTagNames and method configs).
const COMMON_SETTERS = ["setOnLoadError", "setOnLoaderStart"];
const TAG_SETTERS = {
  "account-onboarding": [
    "setFullTermsOfServiceUrl",
    "setRecipientTermsOfServiceUrl",
    "setPrivacyPolicyUrl",
    "setSkipTermsOfServiceCollection",
    "setCollectionOptions",
    "setOnExit",
    "setOnStepChange",
  ],
  "disputes-list": [],
  payments: ["setDefaultFilters"],
  "payment-details": ["setPayment", "setOnClose"],
  "payment-disputes": ["setPayment", "setOnDisputesLoaded"],
  payouts: [],
  "payouts-list": [],
  "payout-details": ["setPayout", "setOnClose"],
  balances: [],
  "account-management": ["setCollectionOptions", "setOnSectionOpen"],
  "notification-banner": ["setCollectionOptions", "setOnNotificationsChange"],
  "instant-payouts-promotion": ["setOnInstantPayoutsPromotionLoaded", "setOnInstantPayoutCreated"],
  "issuing-card": ["setDefaultCard", "setCardSwitching", "setFetchEphemeralKey", "setShowSpendControls"],
  "issuing-cards-list": ["setFetchEphemeralKey", "setShowSpendControls", "setIssuingProgram"],
  "financial-account": ["setFinancialAccount"],
  "financial-account-transactions": ["setFinancialAccount"],
  documents: [],
  "tax-registrations": ["setOnAfterTaxRegistrationAdded", "setDisplayCountries", "setOnAfterTaxRegistrationExpired"],
  "tax-settings": ["setHideProductTaxCodeSelector", "setDisplayHeadOfficeCountries", "setOnTaxSettingsUpdated"],
  "balance-report": [],
  "payout-reconciliation-report": ["setOnReportAvailabilityLoaded"],
};

// Where this script came from is where its API lives (the app loads it with a plain <script src>).
const SCRIPT_EL = document.currentScript || document.querySelector('script[src$="/connect.js"]');
const API_BASE =
  (SCRIPT_EL && SCRIPT_EL.src ? new URL(SCRIPT_EL.src, location.href).origin : location.origin) + "/connect/api";

/** An error with Stripe's onLoadError types (authentication_error, api_connection_error, …). */
class ConnectError extends Error {
  constructor(type, message, status, detail) {
    super(message || "Something went wrong.");
    this.type = type;
    this.status = status || 0;
    this.detail = detail || {};
  }
}

let uidCounter = 0;
const uid = (name) => `sc-${name}-${++uidCounter}`;

/** Children as the DOM accepts them: nested arrays flattened, null/false (conditional parts) dropped. */
const clean = (nodes) => nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false);

/** Builds DOM nodes without innerHTML: text is always text. `onclick`-style keys add listeners. */
function h(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") n.addEventListener(k.slice(2), v);
    else if (k === "text") n.textContent = String(v);
    else if (k === "value" || k === "checked" || k === "selected") n[k] = v;
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of clean(kids)) n.append(kid instanceof Node ? kid : String(kid));
  return n;
}

function money(amount, currency, locale) {
  try {
    return new Intl.NumberFormat(locale || undefined, {
      style: "currency",
      currency: (currency || "usd").toUpperCase(),
    }).format((amount || 0) / 100);
  } catch {
    return `${((amount || 0) / 100).toFixed(2)} ${(currency || "usd").toUpperCase()}`;
  }
}

/** "12.50" → 1250; null when not a positive amount with at most two decimals. */
function parseAmount(text) {
  const m = /^\s*\$?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(String(text || "").replace(/,/g, ""));
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] || "0").padEnd(2, "0"));
  return cents > 0 ? cents : null;
}

function date(unix, locale) {
  if (!unix) return "";
  return new Date(unix * 1000).toLocaleDateString(locale || undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
  });
}

const humanize = (s) =>
  String(s || "")
    .replace(/[._]/g, " ")
    .replace(/^\w/, (c) => c.toUpperCase());
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
