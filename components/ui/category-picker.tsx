"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { MerchantCategory } from "@/lib/rules/merchant-categories";
import { describedBy, FieldMessages } from "./field-messages";

/**
 * Merchant categories picked from a searchable list (ARIA combobox + multi-select listbox): type to
 * filter by name, MCC or code, arrows move, Enter adds or removes, Escape closes, Backspace on an
 * empty filter removes the last choice. Choices show as removable chips and post as one `name`
 * field per category, as the checkbox list and multi-select before it did.
 */
export function CategoryPicker({
  name,
  label,
  categories,
  defaultValue,
  onValueChange,
  hint,
  error,
}: {
  name: string;
  label: string;
  categories: readonly MerchantCategory[];
  defaultValue: readonly string[];
  onValueChange?: (selected: string[]) => void;
  hint?: string;
  error?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (category: string) => `${id}-option-${category}`;
  const [selected, setSelected] = useState<string[]>(() => [...defaultValue]);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const byCategory = useMemo(() => new Map(categories.map((c) => [c.category, c])), [categories]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q
      ? categories.filter((c) => c.name.toLowerCase().includes(q) || c.mcc.includes(q) || c.category.includes(q))
      : categories;
  }, [categories, query]);
  const current = shown[Math.min(active, shown.length - 1)];

  const change = (next: string[]) => {
    setSelected(next);
    onValueChange?.(next);
  };
  const toggle = (category: string) =>
    change(selected.includes(category) ? selected.filter((c) => c !== category) : [...selected, category]);
  const move = (to: number) => {
    const index = Math.max(0, Math.min(shown.length - 1, to));
    setActive(index);
    setOpen(true);
    const target = shown[index];
    // The active option is only pointed at (aria-activedescendant), so scroll it into view by hand.
    if (target)
      requestAnimationFrame(() =>
        document.getElementById(optionId(target.category))?.scrollIntoView({ block: "nearest" }),
      );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") move(open ? active + 1 : active);
    else if (e.key === "ArrowUp") move(active - 1);
    else if (e.key === "Enter" && open && current) toggle(current.category);
    else if (e.key === "Escape" && open) setOpen(false);
    else if (e.key === "Backspace" && query === "" && selected.length) change(selected.slice(0, -1));
    else return;
    e.preventDefault();
  };

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label} ({selected.length})
      </label>
      {selected.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${label}, chosen`}>
          {selected.map((category) => {
            const c = byCategory.get(category);
            const text = c ? `${c.name} (MCC ${c.mcc})` : category;
            return (
              <li
                key={category}
                className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs text-slate-800"
              >
                {text}
                <button
                  type="button"
                  aria-label={`Remove ${text}`}
                  className="rounded-full px-1.5 text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60"
                  onClick={() => change(selected.filter((s) => s !== category))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && current ? optionId(current.category) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          placeholder="Filter by name or MCC"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={`block w-full rounded-md border bg-white px-3 py-2 text-sm ${error ? "border-red-500" : "border-slate-300"}`}
        />
        <ul
          id={listId}
          role="listbox"
          aria-multiselectable="true"
          aria-label={label}
          hidden={!open}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {shown.map((c) => {
            const chosen = selected.includes(c.category);
            return (
              <li
                key={c.category}
                id={optionId(c.category)}
                role="option"
                aria-selected={chosen}
                // Keep focus in the input: a click must not blur it (which would close the list).
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => toggle(c.category)}
                className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm ${c === current ? "bg-brand-50" : ""}`}
              >
                <span aria-hidden="true" className="w-3 text-brand-700">
                  {chosen ? "✓" : ""}
                </span>
                <span>
                  {c.name} <span className="font-mono text-xs text-slate-500">MCC {c.mcc}</span>
                </span>
              </li>
            );
          })}
        </ul>
        {open && shown.length === 0 ? <p className="mt-1 text-sm text-slate-500">No category matches.</p> : null}
      </div>
      {selected.map((category) => (
        <input key={category} type="hidden" name={name} value={category} />
      ))}
      <FieldMessages id={id} name={name} error={error} hint={hint} />
    </div>
  );
}
