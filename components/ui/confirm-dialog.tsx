"use client";

import { lazy, Suspense, useEffect, useState, type ComponentType } from "react";
import type { AlertDialogProps } from "./alert-dialog";

// Radix's dialog is about 14 KB of gzipped JavaScript: fetched after the page has loaded rather
// than with it, so pages stay inside their first-load budgets (bench/budgets.json). Once fetched it
// renders at once, so a click on "open" never leaves a moment where the dialog isn't there yet.
let loaded: typeof import("./alert-dialog") | null = null;
const load = () => import("./alert-dialog").then((m) => (loaded = m));
const LazyView = lazy(load);

/**
 * A confirmation before money moves or something can't be undone: an accessible alert dialog with
 * the caller's form inside. Stays mounted after its first opening, so that closing runs the dialog's
 * own clean-up (focus returned, the page shown to assistive technology again).
 */
export function ConfirmDialog(props: AlertDialogProps) {
  // Chosen at the first opening and kept: switching later would remount an open dialog.
  const [View, setView] = useState<ComponentType<AlertDialogProps> | null>(null);
  useEffect(() => void load(), []);
  if (props.open && !View) setView(() => loaded?.default ?? LazyView);
  if (!View) return null;
  return (
    <Suspense fallback={null}>
      <View {...props} />
    </Suspense>
  );
}
