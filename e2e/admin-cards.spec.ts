import { expect, test } from "@playwright/test";
import {
  MX_NAME,
  confirmAction,
  issueCard,
  lastReason,
  openReview,
  purchase,
  sandboxStripe,
  signInAdmin,
} from "./admin-helpers";

const stripe = sandboxStripe();
test.describe.configure({ mode: "serial" });

test("freezing a business's cards declines its next purchase; unfreezing lets purchases through again", async ({
  page,
}) => {
  await signInAdmin(page);
  const accountId = await openReview(page, "aurora", MX_NAME);
  const { card } = await issueCard(stripe, accountId, "stablecoin");
  const before = await purchase(stripe, accountId, card, "taxicabs_limousines");
  expect(before.approved, `first purchase: ${lastReason(before)}`).toBe(true);

  await confirmAction(page, "Freeze all cards");
  await expect(page.getByText(/^Froze \d+ cards?\.$/)).toBeVisible();
  expect((await stripe.issuing.cards.retrieve(card, {}, { stripeAccount: accountId })).status).toBe("inactive");
  const frozen = await purchase(stripe, accountId, card, "taxicabs_limousines");
  expect(frozen.approved).toBe(false);
  expect(lastReason(frozen)).toBe("card_inactive");
  await page.reload();
  await expect(page.getByTestId("audit-entry").filter({ hasText: "admin.cards.frozen" }).first()).toBeVisible();

  await confirmAction(page, "Unfreeze cards");
  await expect(page.getByText(/^Unfroze \d+ cards?\.$/)).toBeVisible();
  const after = await purchase(stripe, accountId, card, "taxicabs_limousines");
  expect(after.approved).toBe(true);
});

test("pausing a business declines every purchase with the kill switch, shown in its decisions", async ({ page }) => {
  await signInAdmin(page);
  const accountId = await openReview(page, "aurora", MX_NAME);
  const { card } = await issueCard(stripe, accountId, "stablecoin");
  await confirmAction(page, "Pause account");
  await expect(page.getByText("Paused: every authorization is now declined.")).toBeVisible();
  await expect(page.getByTestId("paused-badge")).toBeVisible();
  const paused = await purchase(stripe, accountId, card, "taxicabs_limousines");
  expect(paused.approved).toBe(false);
  expect(lastReason(paused)).toBe("webhook_declined");
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByTestId("decisions").innerText();
    })
    .toContain("kill_switch");
  await expect(page.getByTestId("decisions")).toContainText("Card spending is paused");

  await confirmAction(page, "Resume authorizations");
  await expect(page.getByText("Resumed: authorizations follow the rules again.")).toBeVisible();
  expect((await purchase(stripe, accountId, card, "taxicabs_limousines")).approved).toBe(true);
});
