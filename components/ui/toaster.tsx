"use client";

import * as Toast from "@radix-ui/react-toast";

export type ToastMessage = { id: number; message: string };

/** Radix Toast (announced to screen readers, paused on hover and focus, F8 reaches it). Loaded by `ToastProvider`. */
export default function Toaster({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  return (
    <Toast.Provider duration={5000}>
      {toast ? (
        <Toast.Root
          key={toast.id}
          data-testid="toast"
          onOpenChange={(open) => {
            if (!open) onDismiss();
          }}
          className="pointer-events-auto rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
        >
          <Toast.Description>{toast.message}</Toast.Description>
        </Toast.Root>
      ) : null}
      <Toast.Viewport className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 outline-none" />
    </Toast.Provider>
  );
}
