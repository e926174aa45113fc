import { randomUUID } from "node:crypto";
import Link from "next/link";
import { ReplaceCardForm, type ReasonOption } from "@/components/cards/replace-card-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { cardReplacementLinks } from "@/db/queries/cards";
import { replaceCardAction } from "./replace-actions";

const REASONS: ReasonOption[] = [
  { value: "lost", label: "Lost", hint: "The card is canceled now as lost and a new card number is issued." },
  { value: "stolen", label: "Stolen", hint: "The card is canceled now as stolen and a new card number is issued." },
  {
    value: "damaged",
    label: "Damaged",
    hint: "A new card is issued; the old one is canceled when the new one is active.",
  },
  {
    value: "expired",
    label: "Expiring or expired",
    hint: "A new card is issued; the old one is canceled when the new one is active.",
  },
];

/** The card's replacement history ("Replaced by …", "Replacement for …") and, for managers, "Replace card". */
export async function ReplacementPanel({
  accountId,
  card,
  canManage,
}: {
  accountId: string;
  card: { id: string; status: string; cancellation_reason: string | null };
  canManage: boolean;
}) {
  const links = await cardReplacementLinks(getDb(), { accountId, cardId: card.id });
  const replaceable = canManage && card.status !== "canceled" && !links.replacedBy;
  if (!links.replacedBy && !links.replacementFor && !replaceable && !card.cancellation_reason) return null;
  return (
    <Panel title="Replacement" data-testid="card-replacement">
      <div className="mt-2 space-y-2 text-sm">
        {card.cancellation_reason ? (
          <p data-testid="cancellation-reason">Canceled as {card.cancellation_reason.replace(/_/g, " ")}.</p>
        ) : null}
        {links.replacedBy ? (
          <p data-testid="replaced-by">
            Replaced by{" "}
            <Link href={`/cards/${links.replacedBy.id}`} className="font-medium text-brand-700 hover:underline">
              •••• {links.replacedBy.last4}
            </Link>
          </p>
        ) : null}
        {links.replacementFor ? (
          <p data-testid="replacement-for">
            Replacement for{" "}
            <Link href={`/cards/${links.replacementFor.id}`} className="font-medium text-brand-700 hover:underline">
              •••• {links.replacementFor.last4}
            </Link>
          </p>
        ) : null}
        {replaceable ? (
          <ReplaceCardForm
            action={replaceCardAction}
            cardId={card.id}
            clientToken={randomUUID()}
            reasons={REASONS}
            trigger="Replace card"
            title="Replace this card"
            testId="replace-card"
          />
        ) : null}
      </div>
    </Panel>
  );
}
