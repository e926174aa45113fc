/** What an evidence file may be (Stripe's `dispute_evidence` purpose), for the form and the server. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_HINT = "PDF, JPEG or PNG, up to 5 MB";
export const EVIDENCE_ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";
