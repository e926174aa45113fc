import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db";
import type { Business } from "@/db/schema";
import { businessSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { OperationFailed } from "@/lib/operations";
import { clientAddress } from "@/lib/security/request";
import { getStripe } from "@/lib/stripe/client";
import { stripeFailure } from "@/lib/stripe/errors";
import { linkBankSchema, startBankLink, verifyBankLink, verifyBankSchema } from "./bank-accounts";
import { moveMoneyIn, moveMoneyInSchema } from "./inbound";

/** Money moves only through an open US financial account. */
function treasuryBusiness(b: Business) {
  return b.fundingModel === "treasury" && b.stripeAccountId && b.financialAccountId ? b : null;
}

/** Bank-link params Stripe may name in a refusal, as the form's fields. */
function bankField(param: string): string | null {
  if (param.endsWith("[routing_number]")) return "routingNumber";
  if (param.endsWith("[account_number]")) return "accountNumber";
  return null;
}

/** Our answer when a money call fails: a refusal in our words next to its field, or "try again". */
function moneyFailure(err: unknown, amount?: number) {
  if (err instanceof OperationFailed) return err.failure;
  return stripeFailure(err, { amount, currency: "usd", field: "_form", fieldFor: bankField }).result;
}

/** The US financial account's money actions (Treasury). */
export const treasuryActions = {
  linkBank: businessSpec({
    permission: "money.move",
    stepUp: true,
    schema: linkBankSchema,
    run: async ({ actor, business: b, input }) => {
      const business = treasuryBusiness(b);
      if (!business) return fail("not_found", undefined, "Your financial account isn't open yet.");
      const h = await headers();
      try {
        const { operationId, setupIntent } = await startBankLink(getDb(), getStripe(), business, actor.userId, input, {
          ip: clientAddress(h),
          userAgent: h.get("user-agent") ?? "unknown",
        });
        return ok({ operationId, status: setupIntent.status });
      } catch (err) {
        return moneyFailure(err);
      }
    },
    audit: (input, data) => ({
      action: "bank_account.link_started",
      target: data.operationId,
      data: { last4: input.accountNumber.slice(-4) },
    }),
    revalidate: () => ["/money"],
  }),

  verifyBank: businessSpec({
    permission: "money.move",
    schema: verifyBankSchema,
    run: async ({ business: b, input }) => {
      const business = treasuryBusiness(b);
      if (!business) return fail("not_found");
      const outcome = await verifyBankLink(getDb(), getStripe(), business, input);
      if (outcome === "not_found") return fail("not_found");
      if (outcome === "wrong_code")
        return fail("validation_failed", { code: "That code doesn't match the deposit. Check your bank statement." });
      return ok({ verified: true });
    },
    audit: (input) => ({ action: "bank_account.verified", target: input.operation }),
    revalidate: () => ["/money"],
  }),

  moveMoneyIn: businessSpec({
    permission: "money.move",
    stepUp: true,
    schema: moveMoneyInSchema,
    run: async ({ actor, business: b, input }) => {
      const business = treasuryBusiness(b);
      if (!business) return fail("not_found", undefined, "Your financial account isn't open yet.");
      try {
        const result = await moveMoneyIn(getDb(), getStripe(), business, actor.userId, input);
        if (!result.ok) return fail("validation_failed", { [result.field]: result.message });
        return ok({ id: result.id, status: result.status, amount: input.amount });
      } catch (err) {
        return moneyFailure(err, input.amount);
      }
    },
    audit: (input, data) => ({
      action: "money.inbound_transfer",
      target: data.id,
      data: { amount: input.amount, currency: "usd" },
    }),
    revalidate: () => ["/money"],
  }),
};
