"use client";

import { useStepUp } from "@/components/account/step-up";
import {
  ConnectFinancialAccount,
  ConnectFinancialAccountTransactions,
  ConnectIssuingCardsList,
} from "@stripe/react-connect-js";
import { useState } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { ConnectError } from "./connect-provider";

type LoadError = { error: { type: string; message?: string } };

/** Shows a component's load error (for example an expired session that could not refresh). */
function useLoadError() {
  const [error, setError] = useState<string | null>(null);
  const onLoadError = ({ error: e }: LoadError) => setError(e.message || "This section could not be loaded.");
  return { error, onLoadError };
}

export function FinancialAccountPanel({ financialAccount }: { financialAccount: string }) {
  const { error, onLoadError } = useLoadError();
  if (error) return <ConnectError message={error} />;
  return <ConnectFinancialAccount financialAccount={financialAccount} onLoadError={onLoadError} />;
}

export function TransactionsPanel({ financialAccount }: { financialAccount: string }) {
  const { error, onLoadError } = useLoadError();
  if (error) return <ConnectError message={error} />;
  return <ConnectFinancialAccountTransactions financialAccount={financialAccount} onLoadError={onLoadError} />;
}

type EphemeralKey = { issuingCard: string; nonce: string; ephemeralKeySecret: string };

/** Card numbers are revealed with an ephemeral key from the given server action, for the business's own cards only. */
export function CardsListPanel({ createEphemeralKey }: { createEphemeralKey: FormAction<EphemeralKey> }) {
  const { error, onLoadError } = useLoadError();
  // Showing a card's number asks for the password again when the last proof is old.
  const guarded = useStepUp(createEphemeralKey);
  const fetchEphemeralKey = async (args: { issuingCard: string; nonce: string }): Promise<EphemeralKey> => {
    const form = new FormData();
    form.set("issuingCard", args.issuingCard);
    form.set("nonce", args.nonce);
    const result = await guarded(null, form);
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };
  if (error) return <ConnectError message={error} />;
  return <ConnectIssuingCardsList showSpendControls fetchEphemeralKey={fetchEphemeralKey} onLoadError={onLoadError} />;
}
