import { expect, test } from "@playwright/test";
import { signInAdmin } from "./admin-helpers";
import { signInAs } from "./pages";

// The browser tests start on a fresh data directory, seeded as `npm start` seeds it: these check that
// a new user meets a month of life (lib/demo/month.ts), not an empty product. Other specs add to the
// same businesses while these run, so each check is a floor, never an exact count.

test("the US owner's home shows 30 days of money moving, on most days", async ({ page }) => {
  await signInAs(page, "owner@us.test");
  await page.goto("/dashboard");
  // Counted once rendered (a count is taken at once; the page may still be streaming or refreshing).
  const days = page.getByRole("table", { name: "Money in and out per day" }).locator("tbody tr");
  // Purchases on most days (weekends are quieter), plus fundings and customer payments.
  await expect.poll(() => days.count()).toBeGreaterThanOrEqual(20);
  await expect(page.getByTestId("money-out-30d")).not.toHaveText("Out $0.00");
  await expect(page.getByTestId("money-in-30d")).not.toHaveText("In $0.00");
});

test("the cards page lists the team's cards in several states", async ({ page }) => {
  await signInAs(page, "owner@us.test");
  await page.goto("/cards");
  const rows = page.getByTestId("card-links").getByRole("listitem");
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5);
  const states = new Set((await rows.allInnerTexts()).map((t) => t.trim().split(" · ").at(-1)));
  // Active, frozen (inactive), the lost card that was replaced (canceled), one still being shipped.
  expect([...states].sort()).toEqual(expect.arrayContaining(["active", "canceled", "inactive"]));
});

test("the admin's rules page shows hundreds of decisions, with declines by reason", async ({ page }) => {
  await signInAdmin(page);
  await page.goto("/admin/rules");
  const stats = page.getByRole("region", { name: "Decisions in the last 30 days" });
  const decisions = Number((await stats.getByRole("definition").first().innerText()).replace(/,/g, ""));
  expect(decisions).toBeGreaterThanOrEqual(200);
  // A platform rule (no money transfers) and Acme's own maximum per purchase both declined some.
  await expect(stats.getByRole("listitem").filter({ hasText: "blocked_category (platform)" })).toBeVisible();
  await expect(stats.getByRole("listitem").filter({ hasText: "max_amount (business)" })).toBeVisible();
});

test("analytics show the month's spend by merchant category and country", async ({ page }) => {
  await signInAdmin(page);
  await page.goto("/admin/analytics");
  const byCategory = page.getByRole("list", { name: "Spend by merchant category" });
  const byCountry = page.getByRole("list", { name: "Spend by merchant country" });
  await expect.poll(() => byCategory.getByRole("listitem").count()).toBeGreaterThanOrEqual(8);
  await expect.poll(() => byCountry.getByRole("listitem").count()).toBeGreaterThanOrEqual(4);
  await expect(byCategory).toContainText(/restaurant/i);
  await expect(byCountry).toContainText("GB");
});

test("the US owner has the month's alerts: declined purchases and cards on their way", async ({ page }) => {
  await signInAs(page, "owner@us.test");
  await page.goto("/notifications");
  const alerts = page.getByTestId("notification");
  await expect.poll(() => alerts.count()).toBeGreaterThanOrEqual(5);
  await expect(alerts.filter({ hasText: /declined/i }).first()).toBeVisible();
});

test("the demo cardholder's physical card, not delivered yet, says so and where it is (not 'Frozen')", async ({
  page,
}) => {
  await signInAs(page, "cardholder@us.test");
  await page.goto("/my-cards");
  const physical = page.getByTestId("my-card").filter({ hasText: "physical" });
  await expect(physical.getByTestId("my-card-status")).toHaveText("Not delivered yet");
  await expect(physical.getByTestId("my-card-delivery")).toHaveText(
    /^This card can be activated once it is delivered: .+\. An owner or admin activates it then\.$/,
  );
});
