"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { nextPollDelay, POLL_MIN_MS } from "@/lib/live-updates/backoff";

const timeFormat = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit" });

/**
 * Keeps a money page current without a reload: asks `/api/money/version` (2 s, doubling to 30 s
 * while nothing changes, paused while the tab is hidden) and refreshes the page's server data when
 * money moved. `version` is the token the page was rendered with. Screen readers hear "Updated"
 * politely; focus and form inputs are left alone.
 */
export function LiveMoneyUpdates({ version }: { version: string }) {
  const router = useRouter();
  const seen = useRef(version);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  // A refreshed page carries the token its data was read at (at least as new as the one that asked for it).
  useEffect(() => {
    seen.current = version;
  }, [version]);

  useEffect(() => {
    let delay = POLL_MIN_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request: AbortController | undefined;
    let stopped = false;

    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && !document.hidden) timer = setTimeout(poll, delay);
    };
    const poll = async () => {
      request = new AbortController();
      let changed = false;
      try {
        const res = await fetch("/api/money/version", {
          cache: "no-store",
          redirect: "manual",
          signal: request.signal,
          headers: { accept: "application/json" },
        });
        // Signed out, or no longer allowed to see money: nothing more to ask.
        if (res.type === "opaqueredirect" || res.status === 401 || res.status === 403) {
          stopped = true;
          return;
        }
        if (res.ok) {
          const { version: latest } = (await res.json()) as { version?: string };
          if (latest && latest !== seen.current) {
            seen.current = latest;
            changed = true;
            router.refresh();
            setUpdatedAt(new Date());
          }
        }
      } catch (err) {
        if ((err as Error).name === "AbortError") return;
        // Offline or the server restarting: back off and try again.
      }
      delay = nextPollDelay(delay, changed);
      schedule();
    };
    const onVisibility = () => {
      if (document.hidden) {
        clearTimeout(timer);
        request?.abort();
      } else if (!stopped) {
        // Back in view: catch up at once, then poll briskly.
        delay = POLL_MIN_MS;
        clearTimeout(timer);
        void poll();
      }
    };
    schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      request?.abort();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router]);

  return (
    <p role="status" className="min-h-4 text-xs text-slate-500" data-testid="live-updates">
      {updatedAt ? `Updated at ${timeFormat.format(updatedAt)}` : ""}
    </p>
  );
}
