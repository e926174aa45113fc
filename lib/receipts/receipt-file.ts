/**
 * Receipt files, checked before anything is stored: the type is read from the bytes (magic numbers),
 * never from the file's name, so a text file named `receipt.png` is refused next to the field.
 */
import { MAX_RECEIPT_BYTES } from "./receipt-limits";

export type ReceiptType = "application/pdf" | "image/jpeg" | "image/png" | "image/webp" | "image/heic";
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);
const EXT: Record<ReceiptType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
};

/** The file's type from its first bytes, or null for anything else. */
export function sniffReceiptType(bytes: Uint8Array): ReceiptType | null {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  const ascii = (offset: number, text: string) => at(offset, ...[...text].map((c) => c.charCodeAt(0)));
  if (ascii(0, "%PDF-")) return "application/pdf";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (ascii(4, "ftyp") && bytes.length >= 12) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (HEIC_BRANDS.has(brand)) return "image/heic";
  }
  return null;
}

export type UploadedReceipt = { name: string; size: number; bytes: Uint8Array } | null;
export type CheckedReceipt = { bytes: Buffer; name: string; contentType: ReceiptType; size: number };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A checked receipt, or the message to show next to the file field. */
export function checkReceiptFile(
  file: UploadedReceipt,
): { ok: true; file: CheckedReceipt } | { ok: false; message: string } {
  if (!file || file.size === 0) return { ok: false, message: "Choose a photo or PDF of the receipt" };
  if (file.size > MAX_RECEIPT_BYTES)
    return { ok: false, message: `This file is ${mb(file.size)}: receipts can be up to 8 MB` };
  const contentType = sniffReceiptType(file.bytes);
  if (!contentType)
    return { ok: false, message: "This file isn't a PDF, JPEG, PNG, WebP or HEIC image. Choose a photo or PDF" };
  const name = file.name.replace(/[^\w.\- ]+/g, "_").slice(0, 100) || `receipt.${EXT[contentType]}`;
  return { ok: true, file: { bytes: Buffer.from(file.bytes), name, contentType, size: file.size } };
}
