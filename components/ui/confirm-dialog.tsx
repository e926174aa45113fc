"use client";

import { lazy, Suspense, useState } from "react";
import type { AlertDialogProps } from "./alert-dialog";

// Radix's dialog is about 14 KB of gzipped JavaScript: fetched when a dialog first opens, so pages
// stay inside their first-load budgets (bench/budgets.json).
const AlertDialogView = lazy(() => import("./alert-dialog"));

/**
 * A confirmation before money moves or something can't be undone: an accessible alert dialog with
 * the caller's form inside. Stays mounted after its first opening, so that closing runs the dialog's
 * own clean-up (focus returned, the page shown to assistive technology again).
 */
export function ConfirmDialog(props: AlertDialogProps) {
  const [used, setUsed] = useState(false);
  if (props.open && !used) setUsed(true);
  if (!used && !props.open) return null;
  return (
    <Suspense fallback={null}>
      <AlertDialogView {...props} />
    </Suspense>
  );
}
