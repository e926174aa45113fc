/** Operation kinds of this area (the `operations.kind` column). */
export const PAYOUT_KIND = "payout";
export const DESTINATION_KIND = "payout_destination";
