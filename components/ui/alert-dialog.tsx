"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode, RefObject } from "react";

export type AlertDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** Takes focus when the dialog opens; Radix focuses Cancel when this is not given. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Gets focus back when the dialog closes (the button that opened it, or the field to fix). */
  returnFocus: RefObject<HTMLElement | null>;
  /** The dialog's body; `cancel` is its Cancel button, to place among the body's own buttons. */
  children: (cancel: ReactNode) => ReactNode;
};

export const SECONDARY =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60";

/**
 * Radix AlertDialog (focus trapped, Escape cancels, outside clicks ignored, the rest of the page
 * hidden from assistive technology). Rendered in place rather than in a portal, so the question
 * stays in the DOM of the row or card that asked it. Loaded on first use by `ConfirmDialog`.
 */
export default function AlertDialogView({
  open,
  onOpenChange,
  title,
  description,
  initialFocus,
  returnFocus,
  children,
}: AlertDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <AlertDialog.Content
        className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-3 rounded-lg bg-white p-4 text-left shadow-xl"
        onOpenAutoFocus={(e) => {
          if (!initialFocus?.current) return;
          e.preventDefault();
          initialFocus.current.focus();
        }}
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          returnFocus.current?.focus();
        }}
      >
        <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
        <AlertDialog.Description asChild>
          <div className="text-sm text-slate-700">{description}</div>
        </AlertDialog.Description>
        {children(
          <AlertDialog.Cancel type="button" className={SECONDARY}>
            Cancel
          </AlertDialog.Cancel>,
        )}
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
