import type { BankTransferDetails } from "@/lib/issuing-balance/push-funding";

/** Where to send money to fund the Issuing balance: the account's own sort code and number, or IBAN. */
export function BankTransferDetailsList({ details }: { details: BankTransferDetails }) {
  const rows =
    details.kind === "sort_code"
      ? [
          ["Account holder", details.holder],
          ["Sort code", details.sortCode.replace(/^(\d{2})(\d{2})(\d{2})$/, "$1-$2-$3")],
          ["Account number", details.accountNumber],
        ]
      : [
          ["Account holder", details.holder],
          ["IBAN", details.iban.replace(/(.{4})(?=.)/g, "$1 ")],
          ["BIC", details.bic],
        ];
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="bank-transfer-details">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="font-mono" data-testid={`bank-${label!.toLowerCase().replace(/ /g, "-")}`}>
            {value}
          </dd>
        </div>
      ))}
      <dt className="text-slate-600">Networks</dt>
      <dd>{details.networks.map((n) => n.toUpperCase()).join(", ") || "Bank transfer"}</dd>
    </dl>
  );
}
