import type Stripe from "stripe";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { listCardTokens } from "@/db/queries/issuing-tokens";
import type { FormAction } from "@/lib/actions/form-action";
import { WALLET_NAMES, walletIneligibility } from "@/lib/cards/wallet-tokens";
import { CardholderContactForm } from "./cardholder-contact-form";
import { WalletTokenButton } from "./wallet-token-button";

const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

const STATUS_STYLE: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800",
  suspended: "bg-amber-100 text-amber-800",
  deleted: "bg-slate-200 text-slate-600",
};

/**
 * The card's Apple Pay / Google Pay tokens from the read model (kept by `issuing_token.*` events),
 * with suspend and resume for those who manage cards; a removed token is shown without actions.
 */
export async function WalletTokens({
  card,
  accountId,
  setStatus,
  setContact,
}: {
  card: Stripe.Issuing.Card;
  accountId: string;
  /** The suspend/resume action, for people who may manage cards (absent: read only). */
  setStatus?: FormAction<{ token: string; status: string }>;
  /** Adds the cardholder's missing email or phone, for people who may manage cards. */
  setContact?: FormAction<{ cardholder: string }>;
}) {
  const tokens = await listCardTokens(getDb(), { accountId, cardId: card.id });
  const ineligible = walletIneligibility(card);
  return (
    <Panel title="Digital wallets" data-testid="wallet-tokens">
      {ineligible ? (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="wallet-ineligible">
          {ineligible}
        </p>
      ) : null}
      {ineligible && setContact ? <CardholderContactForm action={setContact} card={card.id} /> : null}
      {tokens.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">
          Not added to any wallet yet. The cardholder adds the card in Apple Pay or Google Pay on their device.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {tokens.map((t) => (
            <li key={t.id} data-token={t.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                <span className="font-medium">
                  {WALLET_NAMES[t.walletProvider ?? ""] ?? t.walletProvider ?? "Wallet"}
                </span>
                {" · "}
                {t.deviceType ?? "device"}
                {t.last4 ? ` · token •••• ${t.last4}` : ""}
                <span className="block text-xs text-slate-500">Added {day.format(t.objectCreatedAt)}</span>
              </span>
              <span className="flex items-center gap-3">
                <span
                  data-testid="token-status"
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[t.status] ?? "bg-slate-100"}`}
                >
                  {t.status === "deleted" ? "removed" : t.status}
                </span>
                {setStatus && (t.status === "active" || t.status === "suspended") ? (
                  <WalletTokenButton
                    key={t.status}
                    action={setStatus}
                    card={card.id}
                    token={t.id}
                    to={t.status === "active" ? "suspended" : "active"}
                  />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
