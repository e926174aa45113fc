"use client";

import { loadConnectAndInitialize, type AppearanceOptions, type StripeConnectInstance } from "@stripe/connect-js/pure";
import { ConnectComponentsProvider } from "@stripe/react-connect-js";
import { useEffect, useState, useSyncExternalStore } from "react";
import { connectInstanceFor, forgetConnectInstance } from "./instance";

/** The app's theme, passed to the embedded components so they look like part of the app. */
export const CONNECT_APPEARANCE: AppearanceOptions = {
  overlays: "dialog",
  variables: {
    colorPrimary: "#3f55d6",
    colorBackground: "#ffffff",
    colorText: "#0f172a",
    colorSecondaryText: "#475569",
    colorBorder: "#e2e8f0",
    colorDanger: "#dc2626",
    fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    borderRadius: "8px",
    spacingUnit: "10px",
  },
};

const LOAD_TIMEOUT_MS = 15_000;

type Props = {
  publishableKey: string;
  /** Identifies the signed-in user's business, so switching businesses gets a new session. */
  sessionKey: string;
  fetchClientSecret: () => Promise<string>;
  children: React.ReactNode;
};

const noSubscribe = () => () => {};

export function ConnectProvider({ publishableKey, sessionKey, fetchClientSecret, children }: Props) {
  // Created in the browser only (the server snapshot is null): connect.js must never load, nor a
  // client secret be fetched, while rendering on the server. Re-renders reuse the same instance.
  const instance = useSyncExternalStore(
    noSubscribe,
    () =>
      connectInstanceFor(sessionKey, () =>
        loadConnectAndInitialize({ publishableKey, fetchClientSecret, appearance: CONNECT_APPEARANCE }),
      ),
    () => null,
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!instance) return;
    // The loader never reports a script that failed to load; watch for it ourselves.
    const debug = (instance as StripeConnectInstance & { debugInstance?: () => Promise<unknown> }).debugInstance;
    let settled = false;
    const timer = setTimeout(() => {
      if (!settled) setError("The embedded components did not load in time.");
    }, LOAD_TIMEOUT_MS);
    debug
      ?.call(instance)
      .then(() => {
        settled = true;
        clearTimeout(timer);
      })
      .catch(() => {
        settled = true;
        clearTimeout(timer);
        setError("The embedded components could not be loaded.");
      });
    return () => clearTimeout(timer);
  }, [instance]);

  if (error) return <ConnectError message={error} />;
  if (!instance) return <ConnectLoading />;
  return <ConnectComponentsProvider connectInstance={instance}>{children}</ConnectComponentsProvider>;
}

export function ConnectLoading({ label = "Loading…" }: { label?: string }) {
  return (
    <div
      role="status"
      className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600"
    >
      <span className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden />
      {label}
    </div>
  );
}

export function ConnectError({ message }: { message: string }) {
  return (
    <div
      role="alert"
      data-testid="connect-error"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800"
    >
      <p className="font-medium">{message}</p>
      <p className="mt-1">Check your connection, then try again.</p>
      <button
        type="button"
        onClick={() => {
          // connect.js loads once per page: a failed load needs a fresh page.
          forgetConnectInstance();
          window.location.reload();
        }}
        className="mt-3 rounded-md bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-700"
      >
        Retry
      </button>
    </div>
  );
}
