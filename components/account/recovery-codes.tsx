"use client";

import { useState } from "react";
import { SECONDARY_BUTTON } from "@/components/team/confirm-form";

/** Recovery codes, shown once right after they are made: copy them or save them as a text file. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `Issuing Console recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: "issuing-console-recovery-codes.txt" });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <p className="text-sm text-slate-700">
        Save these recovery codes somewhere safe. Each one signs you in once if you lose your authenticator app. They
        won&apos;t be shown again.
      </p>
      <ul className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <button
          type="button"
          className={SECONDARY_BUTTON}
          onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy codes"}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={download}>
          Download as text
        </button>
      </div>
    </div>
  );
}
