/** What a receipt may be, for the form and the server. */
export const MAX_RECEIPT_BYTES = 8 * 1024 * 1024;
export const RECEIPT_HINT = "PDF, JPEG, PNG, WebP or HEIC, up to 8 MB";
/** Any image (phones offer the camera) or a PDF; the server still reads the type from the bytes. */
export const RECEIPT_ACCEPT = "image/*,application/pdf";
