/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// window.StripeConnect.init → the instance @stripe/connect-js wraps: {connect, update, logout}.
// `connect` is what each element receives through setConnector: API access and the current theme.

function createConnector(params) {
  const meta = params.metaOptions || {};
  let secretPromise = meta.eagerClientSecretPromise || null; // the loader already called fetchClientSecret once
  let loggedOut = false;
  let appearance = params.appearance || {};
  let locale = params.locale;
  const elements = new Set();

  function fetchSecret() {
    secretPromise = Promise.resolve()
      .then(() => params.fetchClientSecret())
      .then((s) => {
        if (typeof s !== "string" || !s.startsWith("accs_secret__"))
          throw new ConnectError(
            "authentication_error",
            "fetchClientSecret did not return an Account Session client secret (accs_secret__…).",
          );
        return s;
      });
    return secretPromise;
  }

  // Refresh once per failed secret promise: several elements seeing one expiry share one fetchClientSecret call,
  // and a failure of the refreshed secret (a later "Try again") fetches again.
  function secretAfterFailure(failedPromise) {
    if (secretPromise && secretPromise !== failedPromise) return secretPromise;
    return fetchSecret();
  }

  async function request(method, path, body, options) {
    if (loggedOut) throw new ConnectError("authentication_error", "This Connect instance was logged out.");
    let used = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      let secret;
      try {
        used = attempt === 0 ? secretPromise || fetchSecret() : secretAfterFailure(used);
        secret = await used;
      } catch (e) {
        if (attempt === 0) continue;
        throw e instanceof ConnectError
          ? e
          : new ConnectError(
              "account_session_create_error",
              `Could not get a client secret: ${e && e.message ? e.message : e}`,
            );
      }
      const headers = { authorization: `Bearer ${secret}` };
      if (body !== undefined) headers["content-type"] = "application/json";
      if (options && options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
      let res;
      try {
        res = await fetch(API_BASE + path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: "omit",
        });
      } catch (e) {
        throw new ConnectError("api_connection_error", `Could not reach the sandbox at ${API_BASE}.`);
      }
      const json = await res.json().catch(() => ({}));
      if (res.status === 401 && attempt === 0) continue; // expired: one refresh
      if (!res.ok) {
        const e = json.error || {};
        throw new ConnectError(e.type || "api_error", e.message, res.status, e);
      }
      return json;
    }
    throw new ConnectError("authentication_error", "The session could not be refreshed.");
  }

  const connector = {
    request,
    get appearance() {
      return appearance;
    },
    get locale() {
      return locale;
    },
    attach(el) {
      elements.add(el);
    },
    detach(el) {
      elements.delete(el);
    },
  };

  const instance = {
    connect: connector,
    update(opts) {
      if (!opts) return;
      if (opts.appearance) appearance = opts.appearance;
      if (opts.locale) locale = opts.locale;
      for (const el of elements) el.themeChanged();
    },
    logout() {
      loggedOut = true;
      secretPromise = null;
      for (const el of elements) el.loggedOut();
      return Promise.resolve();
    },
  };
  return instance;
}

window.StripeConnect = window.StripeConnect || {};
window.StripeConnect.init = function init(params) {
  if (!params || typeof params.fetchClientSecret !== "function")
    throw new Error("StripeConnect.init needs fetchClientSecret.");
  if (typeof params.publishableKey !== "string" || !params.publishableKey.startsWith("pk_"))
    throw new Error("StripeConnect.init needs a publishable key (pk_…).");
  return createConnector(params);
};
window.StripeConnect.sandbox = { apiBase: API_BASE, tags: Object.keys(TAG_SETTERS) };
