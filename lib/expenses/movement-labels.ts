import type { MovementRow } from "@/db/queries/export-rows";

/** How a money movement reads in the accounting export: its Type column and its description's start. */
export type MovementLabel = { type: string; label: string };

type InOut = { in: MovementLabel; out: MovementLabel };
const both = (l: MovementLabel): InOut => ({ in: l, out: l });

// Treasury flow types (Stripe's `treasury.transaction.flow_type`). A flow's line can go either way:
// an outbound payment's return is a positive line of the same flow, an inbound transfer's a negative one.
const TREASURY: Record<string, InOut> = {
  inbound_transfer: {
    in: { type: "Funding", label: "Funding: inbound transfer" },
    out: { type: "Funding return", label: "Funding returned: inbound transfer" },
  },
  received_credit: both({ type: "Funding", label: "Funding: received credit" }),
  outbound_payment: {
    in: { type: "Payout return", label: "Payout returned: outbound payment" },
    out: { type: "Payout", label: "Payout: outbound payment" },
  },
  outbound_transfer: {
    in: { type: "Payout return", label: "Payout returned: outbound transfer" },
    out: { type: "Payout", label: "Payout: outbound transfer" },
  },
  received_debit: both({ type: "Debit", label: "Debit: received debit" }),
  credit_reversal: both({ type: "Reversal", label: "Received credit reversed" }),
  debit_reversal: both({ type: "Reversal", label: "Received debit reversed" }),
};

const ISSUING_BALANCE: Record<string, InOut> = {
  topup: both({ type: "Funding", label: "Top-up" }),
  payout: both({ type: "Payout", label: "Payout" }),
};

// The wallet's kinds (card spending and refunds are not movements: they come from Issuing transactions).
const WALLET: Record<string, InOut> = {
  funding: both({ type: "Funding", label: "Funding" }),
  deposit: both({ type: "Deposit", label: "Deposit" }),
  payout: both({ type: "Payout", label: "Payout" }),
  payout_return: both({ type: "Payout return", label: "Payout returned" }),
};

const TABLES = { treasury: TREASURY, issuing_balance: ISSUING_BALANCE, wallet: WALLET };
const OTHER: InOut = both({ type: "Other", label: "Other" });

export function movementLabel(m: Pick<MovementRow, "source" | "flow" | "amount">): MovementLabel {
  const entry = TABLES[m.source][m.flow] ?? OTHER;
  return m.amount < 0 ? entry.out : entry.in;
}

/**
 * The movement's description: its label, and what the data says about it when that adds anything
 * ("Top-up — March float"). A description that already starts with the label stands alone
 * ("Payout to Main bank" rather than "Payout — Payout to Main bank").
 */
export function movementDescription(m: Pick<MovementRow, "source" | "flow" | "amount" | "description">): string {
  const { label } = movementLabel(m);
  const said = m.description?.trim();
  if (!said) return label;
  return said.toLowerCase().startsWith(label.toLowerCase()) ? said : `${label} — ${said}`;
}
