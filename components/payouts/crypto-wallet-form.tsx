"use client";

import { useStepUp } from "@/components/account/step-up";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHandSubmit } from "@/components/ui/use-hand-submit";
import type { PayoutDestination } from "@/db/schema";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import { walletAddressProblem } from "@/lib/wallet/address";
import { NETWORK_IDS, NETWORKS, type NetworkId } from "@/lib/wallet/networks";
import { NetworkBadge } from "./network-badge";

type Action = FormAction<PayoutDestination>;

/** Add a crypto wallet: the address is checked as it's typed, and again on the server. */
export function CryptoWalletForm({ action, clientToken }: { action: Action; clientToken: string }) {
  const [network, setNetwork] = useState<NetworkId>("polygon");
  const [address, setAddress] = useState("");
  const [memo, setMemo] = useState("");
  const [label, setLabel] = useState("");
  const [touched, setTouched] = useState(false);
  const { state, pending, onSubmit } = useHandSubmit(useStepUp(action), () => {
    // Saved: an empty form for the next wallet, on the same network.
    setAddress("");
    setMemo("");
    setLabel("");
    setTouched(false);
  });
  // The server's verdict is about the values that were sent: a field's server error shows only
  // while the field still holds what was submitted (even when the answer arrives after an edit);
  // once the user changes it, the live check takes over.
  const [sent, setSent] = useState<{ network: string; address: string; memo: string } | null>(null);
  const live = address.trim() ? walletAddressProblem({ network, address, memo }) : null;
  const { fields, message } = formFeedback(state);
  const server: Record<string, string | undefined> = {
    network: sent?.network === network ? fields.network : undefined,
    address: sent?.address === address ? fields.address : undefined,
    memo: sent?.memo === memo ? fields.memo : undefined,
    label: fields.label,
  };
  const liveError = (field: string) =>
    live?.field === field && (field === "address" || touched) ? live.message : undefined;
  return (
    <form
      // Submitted by hand: a form action's reset put the Network select back on its first option
      // while the form still showed the chosen one.
      onSubmit={(e) => {
        setSent({ network, address, memo });
        onSubmit(e);
      }}
      className="space-y-3"
      noValidate
      aria-label="Add a crypto wallet"
    >
      <input type="hidden" name="clientToken" value={clientToken} />
      {state?.ok ? <FormSuccess>Saved {state.data.label}.</FormSuccess> : null}
      <FormAlert message={message} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <SelectField
            label="Network"
            name="network"
            value={network}
            onChange={(e) => setNetwork(e.target.value as NetworkId)}
            options={NETWORK_IDS.map((id) => ({ value: id, label: NETWORKS[id].name }))}
            error={server.network}
          />
        </div>
        <div className="pb-2">
          <NetworkBadge network={network} />
        </div>
      </div>
      <Field
        label="Wallet address"
        name="address"
        value={address}
        onChange={(e) => {
          setAddress(e.target.value);
        }}
        onBlur={() => setTouched(true)}
        placeholder={NETWORKS[network].placeholder}
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        error={liveError("address") ?? server.address}
        hint={address.trim() && !live ? "Address looks right for this network" : undefined}
      />
      {network === "stellar" ? (
        <Field
          label="Memo"
          name="memo"
          value={memo}
          onChange={(e) => {
            setMemo(e.target.value);
          }}
          onBlur={() => setTouched(true)}
          error={liveError("memo") ?? server.memo}
          hint="The exchange uses it to find your account"
        />
      ) : null}
      <Field
        label="Label"
        name="label"
        placeholder={`${NETWORKS[network].name} wallet`}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        maxLength={60}
        error={server.label}
      />
      <SubmitButton pendingLabel="Saving wallet…" pending={pending}>
        Save wallet
      </SubmitButton>
    </form>
  );
}
