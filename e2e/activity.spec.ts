import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";
import { inviteLink } from "./spend-helpers";

async function signedIn(browser: Browser, email: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

const rows = (page: Page) => page.getByTestId("activity-row");

test("the owner sees who did what and filters it by kind and person; a member and another business's owner do not see it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await signedIn(browser, "owner@us.test");
  const email = uniqueEmail("activity-member");
  const link = await inviteLink(owner, email, "member");

  await owner.getByRole("navigation").getByRole("link", { name: "Activity", exact: true }).click();
  await expect(owner).toHaveURL(/\/activity$/);
  const invited = rows(owner).filter({ hasText: `Invited ${email} as member` });
  await expect(invited).toHaveCount(1);
  await expect(invited).toContainText("owner@us.test");

  // By kind: only invitations.
  await owner.getByLabel("Kind").selectOption({ label: "Invitation sent" });
  await owner.getByRole("button", { name: "Apply" }).click();
  await expect(owner).toHaveURL(/kind=team\.invited/);
  await expect(invited).toHaveCount(1);
  for (const text of await rows(owner).allTextContents()) expect(text).toContain("Invited");

  // The invitee joins as a member; filtered by that person, only their row shows.
  const member = await (await browser.newContext()).newPage();
  await member.goto(link);
  await member.getByRole("link", { name: "Create an account" }).click();
  await member.getByLabel("Your name").fill("Ada Activity");
  await member.getByLabel("Work email").fill(email);
  await member.getByLabel("Password").fill("activity-password-1");
  await member.getByRole("button", { name: "Create account" }).click();
  await member.getByRole("button", { name: "Accept invitation" }).click();
  await expect(member).toHaveURL(/\/dashboard$/);

  await owner.goto("/activity");
  await owner.getByLabel("Person").selectOption({ label: `Ada Activity (${email})` });
  await owner.getByRole("button", { name: "Apply" }).click();
  await expect(owner).toHaveURL(/person=/);
  await expect(rows(owner)).toHaveCount(1);
  await expect(rows(owner)).toContainText("Joined as member");

  // Nothing matches a person and a kind they never did.
  await owner.getByLabel("Kind").selectOption({ label: "Invitation sent" });
  await owner.getByRole("button", { name: "Apply" }).click();
  await expect(owner.getByText("Nothing matches these filters")).toBeVisible();

  // A member has no link and gets the 403 page.
  await expect(member.getByRole("navigation").getByRole("link", { name: "Activity", exact: true })).toHaveCount(0);
  const response = await member.goto("/activity");
  expect(response?.status()).toBe(403);

  // Another business's owner sees only their own business's log.
  const other = await signedIn(browser, "owner@mx.test");
  await other.goto("/activity");
  await expect(other.getByRole("heading", { name: "Activity" })).toBeVisible();
  await expect(other.getByText(email)).toHaveCount(0);
  for (const page of [owner, member, other]) await page.context().close();
});
