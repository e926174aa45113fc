import { expect, test, type Page } from "@playwright/test";
import { US_NAME, issueCard, lastReason, openReview, purchase, sandboxStripe, signInAdmin } from "./admin-helpers";

const stripe = sandboxStripe();
const GAMBLING = "Betting/Casino Gambling";

async function setBlocked(page: Page, blocked: boolean): Promise<void> {
  await page.goto("/admin/rules");
  await page.getByPlaceholder("Filter by name or MCC").fill("7995");
  const option = page.getByRole("option", { name: new RegExp(`^${GAMBLING.replace("/", "\\/")}`) });
  if ((await option.getAttribute("aria-selected")) !== String(blocked)) await option.click();
  await expect(option).toHaveAttribute("aria-selected", String(blocked));
  await expect(page.getByRole("button", { name: "Save rules" })).toBeDisabled();
  await page.getByRole("button", { name: "Preview against the last 1,000 decisions" }).click();
  await expect(page.getByTestId("rules-preview")).toBeVisible();
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Rules saved. They apply to the next authorization.")).toBeVisible();
  // Saved for real: a fresh page shows the category as it was left.
  await page.reload();
  await page.getByPlaceholder("Filter by name or MCC").fill("7995");
  await expect(option).toHaveAttribute("aria-selected", String(blocked));
}

test("blocking a merchant category declines a purchase in it, with that rule in the decision log", async ({ page }) => {
  await signInAdmin(page);
  const accountId = await openReview(page, "acme", US_NAME);
  const { card } = await issueCard(stripe, accountId, "treasury");
  const allowed = await purchase(stripe, accountId, card, "betting_casino_gambling");
  expect(allowed.approved, `before blocking: ${lastReason(allowed)}`).toBe(true);
  // The app's real-time endpoint answered (not a sandbox default), so its rules are in play.
  expect(lastReason(allowed)).toBe("webhook_approved");

  await setBlocked(page, true);
  try {
    const declined = await purchase(stripe, accountId, card, "betting_casino_gambling");
    expect(declined.approved, `after blocking: ${lastReason(declined)}`).toBe(false);
    expect(lastReason(declined)).toBe("webhook_declined");
    // Another category is unaffected.
    expect((await purchase(stripe, accountId, card, "taxicabs_limousines")).approved).toBe(true);

    await page.goto("/admin/rules");
    const row = page
      .getByTestId("decision-log")
      .getByRole("row")
      .filter({ hasText: "Merchant category betting_casino_gambling is blocked" });
    await expect(row.first()).toContainText("blocked_category");
    await expect(row.first()).toContainText(US_NAME);
    // The preview now shows that the earlier approved gambling purchase would be declined.
    await page.getByRole("button", { name: "Preview against the last 1,000 decisions" }).click();
    await expect(page.getByTestId("rules-preview")).toContainText("blocked_category");
  } finally {
    await setBlocked(page, false);
  }
  expect((await purchase(stripe, accountId, card, "betting_casino_gambling")).approved).toBe(true);
});
