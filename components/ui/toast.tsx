"use client";

import { createContext, lazy, Suspense, useCallback, useContext, useState } from "react";
import type { ToastMessage } from "./toaster";

// Radix Toast is about 12 KB of gzipped JavaScript, on every page if imported here: fetched with
// the first toast instead, so pages keep their first-load budgets (bench/budgets.json).
const Toaster = lazy(() => import("./toaster"));

const ToastContext = createContext<(message: string) => void>(() => {});

/**
 * The app's one toast: the result of a change that outlives the control that made it (a removed
 * row, a closed dialog). One at a time; a newer message replaces the one shown. Mounted once, in
 * the root layout.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [used, setUsed] = useState(false);
  if (toast && !used) setUsed(true);
  const notify = useCallback((message: string) => setToast((prev) => ({ id: (prev?.id ?? 0) + 1, message })), []);
  const dismiss = useCallback(() => setToast(null), []);
  return (
    <ToastContext.Provider value={notify}>
      {children}
      {used ? (
        <Suspense fallback={null}>
          <Toaster toast={toast} onDismiss={dismiss} />
        </Suspense>
      ) : null}
    </ToastContext.Provider>
  );
}

/** Shows `message` in the app's toast. */
export function useToast(): (message: string) => void {
  return useContext(ToastContext);
}
