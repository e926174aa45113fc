import { expect, test, type Page, type Response } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";
import { acmeCardPath } from "./pages";

/** A virtual card of Acme (physical cards have no number to show): the first one listed on /cards. */
async function acmeVirtualCardPath(page: Page): Promise<string> {
  await acmeCardPath(page); // makes one when Acme has none yet
  const links = await page
    .locator('[data-testid="card-links"] a[href^="/cards/ic_"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  for (const href of links) {
    await page.goto(href);
    if ((await page.getByTestId("card-subtitle").innerText()).includes("virtual")) return href;
  }
  throw new Error("Acme has no virtual card");
}

/** Every response body of our app (not the sandbox's frames) from now on, for the leak check. */
/**
 * Every response body our app sends to the page, and a wait for all of them: only our origin's
 * requests count (the sandbox's frames may keep theirs open, so "network idle" may never come).
 */
function appBodies(page: Page, appOrigin: string): { bodies: string[]; settled: () => Promise<void> } {
  const bodies: string[] = [];
  const pending = new Set<unknown>();
  const reads: Promise<unknown>[] = [];
  const ours = (url: string) => new URL(url).origin === appOrigin;
  page.on("request", (req) => {
    if (ours(req.url())) pending.add(req);
  });
  page.on("requestfailed", (req) => pending.delete(req));
  page.on("requestfinished", (req) => pending.delete(req));
  page.on("response", (res: Response) => {
    if (!ours(res.url())) return;
    reads.push(
      res.text().then(
        (t) => bodies.push(t),
        () => {},
      ),
    );
  });
  const settled = async () => {
    await expect.poll(() => pending.size, { timeout: 30_000 }).toBe(0);
    await Promise.all(reads);
  };
  return { bodies, settled };
}

test("the owner sees a card's number and PIN in Stripe's frames after re-entering the password; our app never sends the number", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "owner@us.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  const cardPath = await acmeVirtualCardPath(page);

  // An old proof: showing the details asks for the password first.
  await page.goto("/account/sessions");
  await page.getByRole("button", { name: "Ask for my password next time" }).click();
  await page.getByRole("button", { name: "Ask next time" }).click();
  await expect(page.getByTestId("toast")).toHaveText("The next sensitive action will ask for your password.");

  const { bodies, settled } = appBodies(page, new URL(baseURL!).origin);
  await page.goto(cardPath);
  const last4 = (await page.getByTestId("card-title").innerText()).slice(-4);
  await page.getByRole("button", { name: "Show number and PIN" }).click();
  const ask = page.getByRole("alertdialog", { name: "Confirm it's you" });
  await ask.getByLabel("Password").fill(DEMO_PASSWORD);
  await ask.getByRole("button", { name: "Confirm" }).click();

  const number = page.frameLocator('[data-testid="issuingCardNumberDisplay"] iframe').locator("#value");
  await expect(number).toHaveText(new RegExp(`^\\d{4} \\d{4} \\d{4} ${last4}$`));
  await expect(page.frameLocator('[data-testid="issuingCardCvcDisplay"] iframe').locator("#value")).toHaveText(
    /^\d{3}$/,
  );
  await expect(page.frameLocator('[data-testid="issuingCardPinDisplay"] iframe').locator("#value")).toHaveText(
    /^\d{4}$/,
  );
  const digits = (await number.innerText()).replace(/\s/g, "");

  // The number is in the sandbox's frame only: not in our page's DOM, nor in any response of our app.
  expect(await page.content()).not.toContain(digits);
  await settled();
  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies.filter((b) => b.includes(digits) || b.includes(digits.match(/.{4}/g)!.join(" ")))).toEqual([]);

  await page.getByRole("button", { name: "Hide details" }).click();
  await expect(page.locator('[data-testid="issuingCardNumberDisplay"] iframe')).toHaveCount(0);

  // The reveal is on the activity log.
  await page.goto("/activity");
  await expect(page.getByText("Showed a card's number and PIN").first()).toBeVisible();
});

test("a cardholder sees their own virtual card's number and PIN on /my-cards", async ({ page }) => {
  await signIn(page, "cardholder@us.test");
  await expect(page).toHaveURL(/\/my-cards$/);
  const virtual = page.getByTestId("my-card").filter({ hasText: "virtual" }).first();
  const last4 = (await virtual.getByRole("heading", { level: 2 }).innerText()).slice(-4);
  await virtual.getByRole("button", { name: "Show number and PIN" }).click();
  await expect(virtual.frameLocator('[data-testid="issuingCardNumberDisplay"] iframe').locator("#value")).toHaveText(
    new RegExp(`^\\d{4} \\d{4} \\d{4} ${last4}$`),
  );
  await expect(virtual.frameLocator('[data-testid="issuingCardPinDisplay"] iframe').locator("#value")).toHaveText(
    /^\d{4}$/,
  );
});
