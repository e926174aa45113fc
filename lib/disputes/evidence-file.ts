/**
 * Evidence files, checked before they are sent: Stripe's file upload guide takes PDF, JPEG or PNG up
 * to 5 MB for `dispute_evidence`, and reads the type from the bytes, so we do too (a text file named
 * `receipt.pdf` is refused here, not after an upload).
 */
import { MAX_EVIDENCE_BYTES } from "./evidence-limits";

export type EvidenceType = "pdf" | "jpg" | "png";
const MIME: Record<EvidenceType, string> = { pdf: "application/pdf", jpg: "image/jpeg", png: "image/png" };

/** The file's type from its first bytes (magic numbers), or null for anything else. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0xff, 0xd8, 0xff)) return "jpg";
  return null;
}

export type EvidenceFile = { data: Buffer; name: string; type: string };

/** A checked file ready for `stripe.files.create`, or the message to show next to the file field. */
export function checkEvidenceFile(
  file: { name: string; size: number; bytes: Uint8Array } | null,
): { ok: true; file: EvidenceFile | null } | { ok: false; message: string } {
  if (!file || file.size === 0) return { ok: true, file: null };
  if (file.size > MAX_EVIDENCE_BYTES)
    return { ok: false, message: `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB: the limit is 5 MB` };
  const type = sniffEvidenceType(file.bytes);
  if (!type)
    return { ok: false, message: "This file isn't a PDF, JPEG or PNG. Choose a receipt or letter in one of those" };
  const name = file.name.replace(/[^\w.\- ]+/g, "_").slice(0, 100) || `evidence.${type}`;
  return { ok: true, file: { data: Buffer.from(file.bytes), name, type: MIME[type] } };
}

/** Stripe's file refusals, in words, next to the file field. */
export function fileErrorMessage(code: string | undefined): string | null {
  if (code === "file_invalid_type")
    return "This file isn't a PDF, JPEG or PNG. Choose a receipt or letter in one of those";
  if (code === "file_too_large") return "This file is over the 5 MB limit";
  return null;
}
