"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { FormAction } from "@/lib/actions/form-action";

export type SwitchableBusiness = { id: string; name: string; role: string };

/**
 * A disclosure (a button that shows a list of buttons), not an ARIA menu: Tab and the arrow keys
 * move through the businesses, Enter chooses, Escape closes and returns to the button. Each choice
 * is a plain form post, so it works before hydration too.
 */
export function BusinessSwitcherMenu({
  action,
  current,
  businesses,
}: {
  action: FormAction<unknown>;
  current: SwitchableBusiness;
  businesses: SwitchableBusiness[];
}) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState(action, null);
  const wrapper = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const items = () => [...(wrapper.current?.querySelectorAll<HTMLButtonElement>("[data-switch-to]") ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const onArrow = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const next = (at + (e.key === "ArrowDown" ? 1 : -1) + list.length) % list.length;
    list[next]?.focus();
  };

  const others = businesses.filter((b) => b.id !== current.id);
  return (
    // On a phone the list spans the header (positioned against it), wherever the button wrapped to.
    <div ref={wrapper} className="inline-block max-w-full sm:relative" data-testid="business-switcher">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex max-w-full items-center gap-1 rounded text-xs text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <span className="sr-only">Switch business, now </span>
        <span className="truncate">
          {current.name} · {current.role}
        </span>
        <svg aria-hidden viewBox="0 0 20 20" className="size-3.5 shrink-0" fill="currentColor">
          <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
      <div
        id={listId}
        hidden={!open}
        onKeyDown={onArrow}
        className="absolute inset-x-4 z-30 mt-2 rounded-md border border-slate-200 bg-white p-1 text-left shadow-lg sm:inset-x-auto sm:right-0 sm:w-72"
      >
        <p className="px-3 pb-1 pt-2 text-xs font-medium text-slate-500">Switch to</p>
        <ul aria-label="Your other businesses" className="space-y-0.5">
          {others.map((b) => (
            <li key={b.id}>
              <form action={submit}>
                <input type="hidden" name="businessId" value={b.id} />
                <button
                  type="submit"
                  data-switch-to={b.id}
                  disabled={pending}
                  className="flex w-full items-baseline justify-between gap-3 rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60"
                >
                  <span className="min-w-0 break-words">{b.name}</span>{" "}
                  <span className="shrink-0 text-xs text-slate-600">{b.role}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
        <p className="mt-1 border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
          Now in {current.name} · {current.role}
        </p>
      </div>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.error.message}
        </p>
      ) : null}
    </div>
  );
}
