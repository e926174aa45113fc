import { test } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { financialAccountTouched, issuingBalanceTouched, walletTouched } from "./apply";

const cardEvent = (type: string, card: Record<string, unknown>) =>
  ({
    type,
    account: "acct_1",
    data: { object: { object: "issuing.authorization", id: "iauth_1", card } },
  }) as unknown as Stripe.Event;

test("a card purchase names the balance it holds and spends: Treasury, a USDC wallet, or the Issuing balance", () => {
  const treasury = cardEvent("issuing_authorization.created", { id: "ic_1", financial_account: "fa_1" });
  assert.equal(financialAccountTouched(treasury), "fa_1");
  assert.equal(walletTouched(treasury), null);
  assert.equal(issuingBalanceTouched(treasury), false);

  const usdc = cardEvent("issuing_transaction.created", {
    id: "ic_2",
    financial_account: null,
    financial_account_v2: "fa_v2",
  });
  assert.equal(financialAccountTouched(usdc), null);
  assert.equal(walletTouched(usdc), "fa_v2");
  assert.equal(issuingBalanceTouched(usdc), false);

  const uk = cardEvent("issuing_authorization.updated", { id: "ic_3", financial_account: null });
  assert.equal(walletTouched(uk), null);
  assert.equal(issuingBalanceTouched(uk), true);

  // Not a purchase: nothing to refresh.
  const card = {
    type: "issuing_card.updated",
    data: { object: { object: "issuing.card", id: "ic_3" } },
  } as unknown as Stripe.Event;
  assert.equal(issuingBalanceTouched(card), false);
  assert.equal(walletTouched(card), null);
});
