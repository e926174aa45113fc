"use client";

import { useId, useState } from "react";
import { SECONDARY_BUTTON } from "./confirm-form";

/** The invitation link with a copy button; selecting the field is the fallback where the clipboard is blocked. */
export function CopyLink({ url }: { url: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied("failed");
    }
  }
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Invitation link
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="invite-link"
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
        />
        <button type="button" onClick={copy} className={SECONDARY_BUTTON}>
          {copied === "yes" ? "Copied" : "Copy link"}
        </button>
      </div>
      <p role="status" className="mt-1 text-xs text-slate-500">
        {copied === "failed"
          ? "Your browser blocked copying: the link is selected, press Ctrl+C (⌘C) to copy it."
          : copied === "yes"
            ? "Copied to your clipboard."
            : null}
      </p>
    </div>
  );
}
