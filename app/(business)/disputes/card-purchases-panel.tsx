import { randomUUID } from "node:crypto";
import Link from "next/link";
import { DisputeForm } from "@/components/disputes/dispute-form";
import { DisputeStatus } from "@/components/disputes/dispute-status";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { listDisputes } from "@/db/queries/disputes";
import { cardCaptures } from "@/db/queries/issuing-transactions";
import { DISPUTE_REASONS } from "@/lib/disputes/open";
import { formatMoney } from "@/lib/money";
import { openDisputeAction } from "./actions";

const when = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** A card's captured purchases, each with its dispute's status or, for owners and admins, a Dispute action. */
export async function CardPurchasesPanel({
  accountId,
  cardId,
  canManage,
}: {
  accountId: string;
  cardId: string;
  canManage: boolean;
}) {
  const db = getDb();
  const [captures, disputes] = await Promise.all([
    cardCaptures(db, { accountId, cardId }),
    listDisputes(db, { accountId }),
  ]);
  const disputeOf = new Map(disputes.map((d) => [d.transactionId, d]));
  return (
    <Panel title="Captured purchases" data-testid="card-captures">
      {captures.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">
          No captured purchases yet. A purchase can be disputed once it is captured.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {captures.map((t) => {
            const amount = formatMoney(-t.amount, t.currency);
            const label = `${t.merchantName ?? "purchase"} ${amount}`;
            const dispute = disputeOf.get(t.id);
            return (
              <li key={t.id} className="py-2 text-sm" data-testid="capture-row" data-transaction={t.id}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {when.format(t.objectCreatedAt)} · {t.merchantName ?? "—"}{" "}
                    <span className="tabular-nums font-medium">{amount}</span>
                  </span>
                  {dispute ? (
                    <Link href="/disputes" className="text-slate-600 hover:underline">
                      Disputed <DisputeStatus status={dispute.status} />
                    </Link>
                  ) : null}
                </div>
                {!dispute && canManage ? (
                  <DisputeForm
                    action={openDisputeAction}
                    purchase={t.id}
                    label={label}
                    clientToken={randomUUID()}
                    reasons={DISPUTE_REASONS}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
