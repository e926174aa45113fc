import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const ADMIN_PAGES = [
  "/admin",
  "/admin/accounts",
  "/admin/accounts/00000000-0000-4000-8000-000000000000",
  "/admin/treasury",
  "/admin/rules",
  "/admin/events",
  "/admin/analytics",
  "/admin/admins",
];

test("a business user gets the 403 page on every admin page and a 403 from the CSV export", async ({ page }) => {
  await signIn(page, "owner@us.test");
  await expect(page).toHaveURL(/\/dashboard/);
  for (const path of ADMIN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" }), path).toBeVisible();
  }
  const csv = await page.request.get("/api/admin/analytics?by=account");
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain("acct_");
});

test("a signed-out visitor is sent to sign-in, and the CSV export answers 401", async ({ page }) => {
  for (const path of ["/admin/accounts", "/admin/rules"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  }
  const csv = await page.request.get("/api/admin/analytics?by=category");
  expect(csv.status()).toBe(401);
});

test("the admin's CSV export lists spend by account with a header row", async ({ page }) => {
  await signIn(page, "admin@platform.test");
  await expect(page).toHaveURL(/\/admin$/);
  const csv = await page.request.get("/api/admin/analytics?by=account&days=30");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\n")[0]).toBe("account,label,currency,amount_minor_units,authorizations");
});

test("at 1280 px the admin's accounts table shows every column, Created included, without scrolling sideways", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "admin@platform.test");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/accounts");
  const table = page.getByRole("region", { name: "Connected accounts" });
  await expect(table.getByRole("columnheader", { name: "Created" })).toBeVisible();
  const hidden = await table.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(hidden, "pixels of the table cut off on the right").toBeLessThanOrEqual(0);
});
