/** Stripe's window (docs.stripe.com/issuing/purchases/disputes): fewer than 110 days since the capture. */
export const DISPUTE_WINDOW_DAYS = 110;
export const disputeDeadline = (capturedAt: Date) => new Date(capturedAt.getTime() + DISPUTE_WINDOW_DAYS * 86_400_000);
