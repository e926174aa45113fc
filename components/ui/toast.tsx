"use client";

import * as Toast from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useState } from "react";

const ToastContext = createContext<(message: string) => void>(() => {});

/**
 * The app's one toast: the result of a change that outlives the control that made it (a removed
 * row, a closed dialog). One at a time; a newer message replaces the one shown. Mounted once, in
 * the root layout.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toast, setToast] = useState<{ id: number; message: string } | null>(null);
  const notify = useCallback((message: string) => setToast((prev) => ({ id: (prev?.id ?? 0) + 1, message })), []);
  return (
    <ToastContext.Provider value={notify}>
      <Toast.Provider duration={5000}>
        {children}
        {toast ? (
          <Toast.Root
            key={toast.id}
            data-testid="toast"
            onOpenChange={(open) => {
              if (!open) setToast(null);
            }}
            className="pointer-events-auto rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
          >
            <Toast.Description>{toast.message}</Toast.Description>
          </Toast.Root>
        ) : null}
        <Toast.Viewport className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 outline-none" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

/** Shows `message` in the app's toast. */
export function useToast(): (message: string) => void {
  return useContext(ToastContext);
}
