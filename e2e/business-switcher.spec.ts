import { expect, test, type Browser, type Page } from "@playwright/test";
import { MX_NAME, US_NAME } from "./admin-helpers";
import { expectAccessible } from "./axe";
import { signUpAndOnboard, uniqueEmail } from "./helpers";
import { signInAs } from "./pages";
import { cardholderInviteLink, inviteLink } from "./spend-helpers";

// Issue 21: someone in two businesses switches between them from the header, by keyboard; every
// page follows the choice; a business they are not in can't be chosen; someone in one business
// sees no switcher. The second membership is made here (Acme invites a newcomer who already has a
// business of their own), and taken away at the end, so the demo sign-ins stay as they were.

async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signInAs(page, email);
  return page;
}

const switcherButton = (page: Page) => page.getByRole("button", { name: /^Switch business/ });
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The switcher's name: where the user is working now. */
const nowIn = (business: string, role: string) =>
  new RegExp(`^Switch business, now\\s*${escaped(business)} · ${role}$`);
/** A choice in the open list: the business, then the user's role in it. */
const choice = (page: Page, business: string, role: string) =>
  page
    .getByRole("list", { name: "Your other businesses" })
    .getByRole("button", { name: new RegExp(`^${escaped(business)}\\s*,?\\s*${role}$`) });
const memberRow = (page: Page, email: string) => page.getByTestId("member-row").filter({ hasText: email });

/** The id of a business the newcomer is not in, as the admin's account list links it. */
async function businessIdOf(browser: Browser, legalName: string): Promise<string> {
  const admin = await signedIn(browser, "admin@platform.test");
  const list = await (await admin.request.get(`/admin/accounts?q=${encodeURIComponent(legalName)}`)).text();
  await admin.context().close();
  const id = /\/admin\/accounts\/([0-9a-f-]{36})/.exec(list)?.[1];
  if (!id) throw new Error(`no account link for ${legalName}`);
  return id;
}

test("someone in two businesses switches by keyboard, every page follows, a business they're not in is refused, and someone in one business sees no switcher", async ({
  browser,
}) => {
  // A sign-up with onboarding, three sign-ins, an invitation and an axe scan.
  test.setTimeout(180_000);
  // A newcomer with a business of their own, then invited into Acme as a member.
  const email = uniqueEmail("switcher");
  const own = `Switcher ${Date.now().toString(36)} LLC`;
  const person = await (await browser.newContext()).newPage();
  await signUpAndOnboard(person, { email, legalName: own, country: "US", name: "Sam Switcher" });
  await expect(person.getByTestId("business-name")).toHaveText(own);
  await expect(switcherButton(person)).toHaveCount(0);

  // Acme's owner, in one business: the header names it, with nothing to switch.
  const owner = await signedIn(browser, "owner@us.test");
  await expect(owner.getByTestId("business-name")).toHaveText(US_NAME);
  await expect(owner.getByText(`${US_NAME} · owner`)).toBeVisible();
  await expect(switcherButton(owner)).toHaveCount(0);

  const link = await inviteLink(owner, email, "member");
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  await owner.context().close();
  await person.goto(link);
  await person.getByRole("button", { name: "Accept invitation" }).click();
  await expect(person).toHaveURL(/\/dashboard$/);
  await expect(person.getByTestId("business-name")).toHaveText(US_NAME);

  // The switcher names where they are; opening it lists the other business with their role there.
  const toggle = switcherButton(person);
  await expect(toggle).toHaveAccessibleName(nowIn(US_NAME, "member"));
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await person.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const choices = person.getByRole("list", { name: "Your other businesses" });
  await expect(choices.getByRole("button")).toHaveCount(1);
  const ownChoice = choice(person, own, "owner");
  await expect(ownChoice).toBeFocused();
  await expectAccessible(person, "business switcher open");
  // Escape closes it and gives focus back to the button.
  await person.keyboard.press("Escape");
  await expect(choices).toBeHidden();
  await expect(toggle).toBeFocused();

  // Space opens it again, Enter chooses: their own business's home, then its team page.
  await person.keyboard.press(" ");
  await expect(ownChoice).toBeFocused();
  await person.keyboard.press("Enter");
  await expect(person.getByTestId("business-name")).toHaveText(own);
  await expect(person).toHaveURL(/\/dashboard$/);
  await expect(switcherButton(person)).toHaveAccessibleName(nowIn(own, "owner"));
  await person.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team", exact: true }).click();
  await expect(memberRow(person, email)).toBeVisible();
  await expect(memberRow(person, "owner@us.test")).toHaveCount(0);
  // Owner here: the invite form an Acme member doesn't get.
  await expect(person.getByRole("form", { name: "Invite someone" })).toBeVisible();

  // A business they are not in, slipped into the form: refused, and they stay where they were.
  const mexico = await businessIdOf(browser, MX_NAME);
  await switcherButton(person).click();
  const tampered = choices.getByRole("button").first();
  await tampered.evaluate((button, id) => {
    (button.closest("form")!.querySelector("input[name=businessId]") as HTMLInputElement).value = id;
  }, mexico);
  await tampered.click();
  await expect(person.getByTestId("business-switcher").getByRole("alert")).toHaveText(
    "You are not a member of that business.",
  );
  await person.reload();
  await expect(memberRow(person, email)).toBeVisible();
  await expect(switcherButton(person)).toHaveAccessibleName(nowIn(own, "owner"));
  await person.goto("/dashboard");
  await expect(person.getByTestId("business-name")).toHaveText(own);

  // Back to Acme, on a phone: the list fits the screen; Acme's team shows, read-only.
  await person.setViewportSize({ width: 390, height: 844 });
  await switcherButton(person).focus();
  await person.keyboard.press("Enter");
  const acmeChoice = choice(person, US_NAME, "member");
  await expect(acmeChoice).toBeFocused();
  const box = (await person.locator("[data-switch-to]").first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(
    await person.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    "the open switcher makes the page scroll sideways at 390px",
  ).toBeLessThanOrEqual(0);
  await person.keyboard.press("Enter");
  await expect(person.getByTestId("business-name")).toHaveText(US_NAME);
  await person.goto("/team");
  await expect(memberRow(person, "owner@us.test")).toBeVisible();
  await expect(person.getByRole("form", { name: "Invite someone" })).toHaveCount(0);

  // Acme's owner removes them (signed in afresh: removing needs a proof of identity from the last five
  // minutes): from the next request they work in their own business, with no switcher.
  const remover = await signedIn(browser, "owner@us.test");
  await remover.goto("/team");
  const row = memberRow(remover, email);
  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(remover.getByTestId("toast")).toHaveText("Removed from the team.");
  await person.goto("/dashboard");
  await expect(person.getByTestId("business-name")).toHaveText(own);
  await expect(switcherButton(person)).toHaveCount(0);
  await expect(person.getByText(`${own} · owner`)).toBeVisible();
  await remover.context().close();
  await person.context().close();
});

test("the account area's way back goes to the active business's home: a cardholder's cards in one, the owner's dashboard in the other", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // An owner of a business of their own, then invited into Acme as a cardholder (and switched there by accepting).
  const email = uniqueEmail("switcher-holder");
  const own = `Holder ${Date.now().toString(36)} LLC`;
  const person = await (await browser.newContext()).newPage();
  await signUpAndOnboard(person, { email, legalName: own, country: "US", name: "Cal Holder" });
  const owner = await signedIn(browser, "owner@us.test");
  const link = await cardholderInviteLink(owner, email, "Cal", "Holder");
  await owner.context().close();
  await person.goto(link);
  await person.getByRole("button", { name: "Accept invitation" }).click();
  await expect(person).toHaveURL(/\/my-cards$/);

  const back = person.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Back to the console" });
  await person.goto("/account");
  await back.click();
  await expect(person).toHaveURL(/\/my-cards$/);
  await expect(switcherButton(person)).toHaveAccessibleName(nowIn(US_NAME, "cardholder"));

  await switcherButton(person).click();
  await choice(person, own, "owner").click();
  await expect(person).toHaveURL(/\/dashboard$/);
  await person.goto("/account");
  await back.click();
  await expect(person).toHaveURL(/\/dashboard$/);
  await expect(person.getByTestId("business-name")).toHaveText(own);
});
