import type { ReactNode } from "react";
import type Stripe from "stripe";
import { fraudWarningText } from "@/lib/cards/declines";

/**
 * Stripe's latest fraud warning on a card, as a banner. `replaceAction` is the slot for the
 * one-click "cancel and replace" (the card replacement flow supplies it); without it the banner
 * says what to do.
 */
export function FraudWarningBanner({
  warning,
  replaceAction,
}: {
  warning: Stripe.Issuing.Card.LatestFraudWarning | null | undefined;
  replaceAction?: ReactNode;
}) {
  const text = fraudWarningText(warning);
  if (!text) return null;
  return (
    <div
      role="alert"
      data-testid="fraud-warning"
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        <span className="font-semibold">{text}</span> Cancel this card and replace it with a new one so it can&apos;t be
        used again.
      </p>
      {replaceAction ?? null}
    </div>
  );
}
