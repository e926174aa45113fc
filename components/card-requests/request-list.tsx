import { ConfirmForm } from "@/components/team/confirm-form";
import { SelectField } from "@/components/ui/select-field";
import type { CardRequestRow } from "@/db/queries/card-requests";
import type { FormAction } from "@/lib/actions/form-action";
import { formatMoney } from "@/lib/money";
import { DeclineRequestForm } from "./decline-form";

const INTERVALS: Record<string, string> = {
  per_authorization: "per purchase",
  daily: "per day",
  weekly: "per week",
  monthly: "per month",
  yearly: "per year",
  all_time: "in total",
};
const STATUS: Record<string, string> = {
  pending: "bg-amber-100 text-amber-800",
  approved: "bg-emerald-100 text-emerald-800",
  declined: "bg-red-100 text-red-800",
  canceled: "bg-slate-200 text-slate-700",
};
const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/**
 * Card requests with their decision; owners and admins get Approve / Decline on pending ones, and
 * a requester Cancel on their own pending ones.
 */
export function CardRequestList({
  requests,
  decide,
  cancel,
  viewerId,
  empty,
  designs = [],
}: {
  requests: CardRequestRow[];
  /** The account's active card designs, default first: the approver of a physical card picks one. */
  designs?: Array<{ value: string; label: string }>;
  decide?: { approve: FormAction<{ id: string; cardId: string }>; decline: FormAction<{ id: string }> };
  cancel?: FormAction<{ id: string }>;
  viewerId: string;
  empty: string;
}) {
  if (requests.length === 0)
    return (
      <p
        className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600"
        data-testid="no-requests"
      >
        {empty}
      </p>
    );
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="card-requests">
      {requests.map((r) => {
        const limit = `${formatMoney(r.amount, r.currency)} ${INTERVALS[r.interval] ?? r.interval}`;
        const what =
          r.kind === "limit_increase"
            ? `Higher limit on •••• ${r.last4 ?? "card"}`
            : r.cardType === "physical"
              ? "New physical card"
              : "New virtual card";
        return (
          <li key={r.id} className="space-y-2 p-4" data-testid="card-request" data-status={r.status}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p className="font-medium">
                  {what} · <span data-testid="request-limit">{limit}</span>
                </p>
                <p className="text-sm text-slate-600">
                  “{r.purpose}” · for {r.cardholderName ?? r.cardholderId ?? "—"} · asked by {r.requesterEmail} on{" "}
                  {day.format(r.createdAt)}
                </p>
                {r.cardType === "physical" && r.shipping ? (
                  <p className="text-sm text-slate-600" data-testid="request-shipping">
                    Ships to {r.shipping.name}, {r.shipping.city} {r.shipping.postalCode}, {r.shipping.country} (
                    {r.shipping.service})
                  </p>
                ) : null}
                {r.status === "declined" && r.declineReason ? (
                  <p className="text-sm text-red-700" data-testid="decline-reason">
                    Declined: {r.declineReason}
                  </p>
                ) : null}
                {r.status === "approved" && r.kind === "new_card" && r.last4 ? (
                  <p className="text-sm text-emerald-700">
                    Card •••• {r.last4} {r.cardType === "physical" ? "ordered" : "created"}
                  </p>
                ) : null}
              </div>
              <span
                className={`rounded-full px-3 py-1 text-sm font-medium ${STATUS[r.status] ?? ""}`}
                data-testid="request-status"
              >
                {r.status}
              </span>
            </div>
            {decide && r.status === "pending" && r.requestedBy !== viewerId ? (
              <div className="flex flex-wrap items-end gap-4">
                <ConfirmForm
                  action={decide.approve}
                  done="Approved."
                  fields={{ request: r.id }}
                  trigger="Approve"
                  question={`Approve ${what.toLowerCase()} with a limit of ${limit}?`}
                  confirmLabel="Approve"
                  pendingLabel="Approving…"
                >
                  {r.kind === "new_card" && r.cardType === "physical" && designs.length ? (
                    <SelectField label="Card design" name="design" options={designs} defaultValue={designs[0]!.value} />
                  ) : null}
                </ConfirmForm>
                <DeclineRequestForm action={decide.decline} request={r.id} />
              </div>
            ) : null}
            {cancel && r.status === "pending" && r.requestedBy === viewerId ? (
              <div className="flex justify-end">
                <ConfirmForm
                  action={cancel}
                  done="Request canceled."
                  fields={{ request: r.id }}
                  trigger="Cancel request"
                  question={`Cancel your request for a ${what.toLowerCase()} with a limit of ${limit}? Nobody can approve it afterwards.`}
                  confirmLabel="Cancel the request"
                  pendingLabel="Canceling…"
                  tone="danger"
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
