"use client";

import { createContext, useCallback, useContext, useRef, useState } from "react";

const NoticeContext = createContext<(message: string) => void>(() => {});

/** A toast for the result of a team change; it outlives the row that caused it (a removed member). */
export function NoticeProvider({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const notify = useCallback((next: string) => {
    setMessage(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(null), 5000);
  }, []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div
        aria-live="polite"
        role="status"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
      >
        {message ? (
          <p
            data-testid="toast"
            className="pointer-events-auto rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
          >
            {message}
          </p>
        ) : null}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice(): (message: string) => void {
  return useContext(NoticeContext);
}
