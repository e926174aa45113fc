import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../testing/csv";
import { eventually, signUpAndOnboard, uniqueEmail } from "./helpers";
import { accountByEmail, createVirtualCard, journeyStripe, receiveAchCredit } from "./journey-steps";

const BURGER = 'Burger Bar, "Downtown"';

test("expenses: an owner files a purchase under a category with a memo, approves it, filters by review, and exports the month as a CSV matching the list", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("expenses");
  await signUpAndOnboard(page, { email, legalName: "Expense Works Inc.", country: "US" });
  const account = await accountByEmail(email);
  const opts = { stripeAccount: account.id };
  await receiveAchCredit(page, "500.00");
  const card = await createVirtualCard(page, account.id, { line1: "1 Main St", city: "Denver", postalCode: "80202" });
  for (const [name, category, amount] of [
    [BURGER, "fast_food_restaurants", 1850],
    ["Sky Air", "airlines_air_carriers", 24_900],
    ["Code Tools", "computer_software_stores", 4_999],
  ] as const) {
    const auth = await journeyStripe.testHelpers.issuing.authorizations.create(
      { card: card.id, amount, merchant_data: { name, category } },
      opts,
    );
    expect(auth.approved).toBe(true);
    await journeyStripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
  }

  await page.getByRole("navigation").getByRole("link", { name: "Purchases", exact: true }).first().click();
  await expect(page).toHaveURL(/\/purchases$/);
  const rows = page.getByTestId("purchase-row");
  await eventually(page, () => expect(rows).toHaveCount(3, { timeout: 1000 }));
  const burger = rows.filter({ hasText: "Burger Bar" });
  await expect(burger.getByTestId("purchase-category")).toHaveText("Suggested: Meals");
  await expect(burger.getByTestId("purchase-review")).toHaveText("To review");
  await expect(burger.getByTestId("purchase-merchant")).toHaveAttribute("href", /^\/purchases\/iauth_/);

  // Sky Air: filed under Software (not its suggestion, Travel), with a memo, then approved.
  const sky = rows.filter({ hasText: "Sky Air" });
  await expect(sky.getByTestId("purchase-category")).toHaveText("Suggested: Travel");
  await sky.getByText("Edit", { exact: true }).click();
  const note = sky.getByRole("form", { name: /^Category and memo for Sky Air/ });
  await note.getByLabel("Category").selectOption({ label: "Software" });
  await note.getByLabel("Memo").fill("Flight to the client, Denver → Austin");
  await note.getByRole("button", { name: "Save" }).click();
  await expect(sky.getByTestId("purchase-category")).toHaveText("Software");
  await expect(sky.getByTestId("purchase-memo")).toHaveText("Flight to the client, Denver → Austin");
  await sky
    .getByRole("form", { name: /^Review Sky Air/ })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(sky.getByTestId("purchase-review")).toHaveText("Approved");

  // The burger's memo alone (its suggested category is preselected, so saving files it under Meals).
  await burger.getByText("Edit", { exact: true }).click();
  const burgerNote = burger.getByRole("form", { name: /^Category and memo for Burger Bar/ });
  await burgerNote.getByLabel("Memo").fill('Team lunch, "Friday"');
  await burgerNote.getByRole("button", { name: "Save" }).click();
  await expect(burger.getByTestId("purchase-category")).toHaveText("Meals");

  // Filtered by review status: only the approved one.
  const filters = page.getByRole("search", { name: "Filter purchases" });
  await filters.getByLabel("Review").selectOption("approved");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/review=approved/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Sky Air");
  await filters.getByRole("link", { name: "Clear" }).click();
  await expect(rows).toHaveCount(3);

  // Approve selected: the other two at once.
  await rows.filter({ hasText: "Code Tools" }).getByRole("checkbox").check();
  await burger.getByRole("checkbox").check();
  await page.getByRole("form", { name: "Approve selected" }).getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByText("2 purchases approved")).toBeVisible();
  await expect(rows.getByTestId("purchase-review")).toHaveText(["Approved", "Approved", "Approved"]);

  // An impossible range: the form comes back with the error by the field, and no file.
  await page.goto("/purchases/export?format=quickbooks&from=2026-11-20&to=2026-11-01");
  await expect(page).toHaveURL(/\/purchases\?export=1/);
  const exportForm = page.getByRole("form", { name: "Accounting export" });
  await expect(exportForm.locator('[data-field-error="to"]')).toHaveText(
    "The last day must be on or after the first day",
  );

  // The month's export (the form defaults to this month so far).
  await page.goto("/purchases");
  const onScreen = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const text = (id: string) => tr.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? "";
      return {
        merchant: text("purchase-merchant"),
        amount: text("purchase-amount"),
        category: text("purchase-category"),
        memo: text("purchase-memo"),
      };
    }),
  );
  await exportForm.getByLabel("Format").selectOption("quickbooks");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exportForm.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^purchases-quickbooks-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(await readFile((await download.path())!, "utf8"));
  const header = csv[0]!;
  expect(header.slice(0, 3)).toEqual(["Date", "Description", "Amount"]);
  const col = (r: string[], name: string) => r[header.indexOf(name)]!;
  // The file also carries the month's money movements: the $500.00 ACH credit that funded the account.
  const lines = csv.slice(1);
  expect(lines.filter((r) => col(r, "Type") === "Funding").map((r) => col(r, "Amount"))).toEqual(["500.00"]);
  const exported = lines
    .filter((r) => col(r, "Type") === "Purchase")
    .map((r) => ({
      merchant: col(r, "Merchant"),
      amount: col(r, "Amount"),
      category: col(r, "Category"),
      memo: col(r, "Memo"),
      receipt: col(r, "Receipt"),
    }));
  expect(exported).toHaveLength(3);
  // Same purchases (ordered by time then id, and whole-second ties may order differently, so by merchant);
  // amounts negative (money out); a suggestion is not a category in the books.
  const byMerchant = <T extends { merchant: string }>(xs: T[]) =>
    [...xs].sort((x, y) => x.merchant.localeCompare(y.merchant));
  const expected = onScreen.map((s) => ({
    merchant: s.merchant,
    amount: `-${s.amount.replace(/[$,]/g, "")}`,
    category: s.category.startsWith("Suggested:") ? "" : s.category,
    memo: s.memo,
  }));
  expect(
    byMerchant(exported.map((e) => ({ merchant: e.merchant, amount: e.amount, category: e.category, memo: e.memo }))),
  ).toEqual(byMerchant(expected));
  expect(exported.find((e) => e.merchant === "Sky Air")).toMatchObject({ amount: "-249.00", category: "Software" });
  expect(exported.find((e) => e.merchant === BURGER)).toMatchObject({ amount: "-18.50", memo: 'Team lunch, "Friday"' });
  for (const e of exported) expect(e.receipt).toMatch(/^https?:\/\/[^/]+\/purchases\/iauth_/);
});
