"use client";

import { useEffect, useRef, useState, type DragEvent } from "react";
import { FieldMessages, describedBy } from "@/components/ui/field-messages";

/**
 * A labelled file input that also takes a file dropped on its label. The input itself stays in view,
 * so the keyboard reaches it like any other field; `capture` lets a phone offer its camera. The chosen
 * file's name shows in the label, and clears when the form is reset.
 */
export function FileDrop({
  id,
  name,
  label,
  prompt,
  accept,
  capture,
  hint,
  error,
}: {
  id: string;
  name: string;
  label: string;
  /** What the drop zone says until a file is chosen. */
  prompt: string;
  accept?: string;
  capture?: "user" | "environment";
  hint?: string;
  error?: string;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  // A form's reset empties the input without an onChange, so the name shown follows it here.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const clear = () => setFileName(null);
    form.addEventListener("reset", clear);
    return () => form.removeEventListener("reset", clear);
  }, []);

  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    const input = inputRef.current;
    if (input && e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      setFileName(e.dataTransfer.files[0]?.name ?? null);
    }
  };

  return (
    <div>
      <label
        htmlFor={id}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`block cursor-pointer rounded-md border-2 border-dashed px-3 py-4 text-center text-sm ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <span className="font-medium">{label}</span>
        <span className="block text-slate-600">{fileName ? `Chosen: ${fileName}` : prompt}</span>
      </label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        name={name}
        accept={accept}
        capture={capture}
        onChange={(e) => setFileName(e.target.files?.[0]?.name ?? null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className="mt-2 block w-full text-sm"
      />
      <FieldMessages id={id} name={name} error={error} hint={hint} />
    </div>
  );
}
