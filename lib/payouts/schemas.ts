import { z } from "zod";
import { moneyField } from "@/lib/money-field";
import { walletAddressProblem } from "@/lib/wallet/address";
import { NETWORK_IDS } from "@/lib/wallet/networks";

// Form values arrive as strings; every schema here takes them as such.
const clientToken = z.string().trim().min(16, "Reload the page and try again").max(100);
const label = z.string().trim().max(60, "Keep the label under 60 characters");

export const cryptoDestinationSchema = z
  .object({
    clientToken,
    label,
    network: z.enum(NETWORK_IDS, { error: "Choose a network" }),
    address: z.string().trim().max(120),
    memo: z.string().trim().max(60).optional().default(""),
  })
  .superRefine((v, ctx) => {
    const problem = walletAddressProblem(v);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });

export const BANK_CURRENCIES = ["usd", "mxn", "eur"] as const;

export const bankDestinationSchema = z
  .object({
    clientToken,
    label,
    currency: z.enum(BANK_CURRENCIES, { error: "Choose the account's currency" }),
    accountNumber: z
      .string()
      .trim()
      .transform((s) => s.replace(/[\s-]/g, "").toUpperCase()),
    routingNumber: z.string().trim().optional().default(""),
  })
  .superRefine((v, ctx) => {
    const problem = bankProblem(v);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });

/** The formats Stripe takes per currency: US account + ABA routing, MX CLABE, SEPA IBAN. */
export function bankProblem(v: {
  currency: string;
  accountNumber: string;
  routingNumber?: string;
}): { field: "accountNumber" | "routingNumber"; message: string } | null {
  if (v.currency === "usd") {
    if (!/^\d{4,17}$/.test(v.accountNumber))
      return { field: "accountNumber", message: "A US account number is 4 to 17 digits" };
    if (!/^\d{9}$/.test(v.routingNumber ?? ""))
      return { field: "routingNumber", message: "Enter the 9-digit routing number" };
  } else if (v.currency === "mxn") {
    if (!/^\d{18}$/.test(v.accountNumber)) return { field: "accountNumber", message: "A CLABE is 18 digits" };
  } else if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v.accountNumber)) {
    return { field: "accountNumber", message: "Enter the IBAN, starting with the country code (e.g. DE89…)" };
  }
  return null;
}

export function bankCountry(currency: string, accountNumber: string): string {
  return currency === "usd" ? "US" : currency === "mxn" ? "MX" : accountNumber.slice(0, 2);
}

export const sendPayoutSchema = z.object({
  clientToken,
  destinationId: z.uuid({ error: "Choose a destination" }),
  amount: moneyField("usdc"),
});

export const payoutIdSchema = z.object({ payoutId: z.uuid({ error: "Unknown payout" }) });

export const destinationIdSchema = z.object({ destinationId: z.uuid({ error: "Unknown destination" }) });

export const SANDBOX_ACTIONS = ["post", "fail", "return"] as const;
export const drivePayoutSchema = payoutIdSchema.extend({
  action: z.enum(SANDBOX_ACTIONS),
  reason: z.string().trim().max(80).optional(),
});
