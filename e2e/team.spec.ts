import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectSignedInAs, signIn, uniqueEmail } from "./helpers";

const ACME = "Acme Supplies Inc.";

async function ownerPage(browser: Browser, email = "owner@us.test"): Promise<Page> {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** The owner creates an invitation on the team page and returns the link shown once. */
async function invite(page: Page, email: string, role: "member" | "admin"): Promise<string> {
  await page.goto("/team");
  const form = page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create invitation link" }).click();
  const link = page.getByTestId("invite-link");
  await expect(link).toHaveValue(/\/invite\/[\w-]{43}$/);
  return link.inputValue();
}

const memberRow = (page: Page, email: string) => page.getByTestId("member-row").filter({ hasText: email });

test("the owner invites a new person, who signs up through the link, joins Acme as a member and is made an admin", async ({
  browser,
}) => {
  // Two people, a sign-up and four role changes: 63 s once on a busy machine.
  test.setTimeout(120_000);
  const owner = await ownerPage(browser);
  await owner.goto("/team");
  // Bad input is explained next to the field.
  await owner
    .getByRole("form", { name: "Invite someone" })
    .getByRole("button", { name: "Create invitation link" })
    .click();
  await expect(owner.locator('[data-field-error="email"]')).toHaveText("Enter an email address");

  const email = uniqueEmail("teammate");
  const link = await invite(owner, email, "member");
  await owner.getByRole("button", { name: "Copy link" }).click();
  await expect(owner.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(owner.getByTestId("invite-row").filter({ hasText: email })).toBeVisible();

  // A brand-new person opens the link: sign-in, then sign-up, then back to the invitation.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee).toHaveURL(/\/sign-in\?next=/);
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee).toHaveURL(/\/sign-up\?next=/);
  await invitee.getByLabel("Your name").fill("Tess Teammate");
  await invitee.getByLabel("Work email").fill(email);
  await invitee.getByLabel("Password").fill("teammate-password-1");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee).toHaveURL(/\/invite\//);
  await expect(invitee.getByTestId("invite-business")).toHaveText(ACME);
  await expect(invitee.getByTestId("invite-role")).toHaveText("a member");
  await invitee.getByRole("button", { name: "Accept invitation" }).click();

  await expect(invitee).toHaveURL(/\/dashboard$/);
  await expectSignedInAs(invitee, email);
  await expect(invitee.getByTestId("business-name")).toHaveText(ACME);
  await expect(invitee.getByText(`${ACME} · member`)).toBeVisible();

  // A member sees the team, read-only: no invite form, no role or remove controls.
  await invitee.getByRole("link", { name: "Team", exact: true }).click();
  await expect(memberRow(invitee, "owner@us.test")).toBeVisible();
  await expect(invitee.getByRole("form", { name: "Invite someone" })).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: /Change role|Remove|Revoke/ })).toHaveCount(0);
  await expect(invitee.getByText("Only an owner can invite people or change roles.")).toBeVisible();

  // The used link can't be used again.
  await invitee.goto(link);
  await expect(invitee.getByText("This invitation has already been used.")).toBeVisible();

  // The owner makes them an admin, after confirming.
  await owner.goto("/team");
  const row = memberRow(owner, email);
  await expect(row.getByTestId("role")).toHaveText("member");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByText(`Make Tess Teammate an admin of ${ACME}?`)).toBeVisible();
  await row.getByRole("button", { name: "Confirm change" }).click();
  await expect(owner.getByTestId("toast")).toHaveText("Role changed to admin.");
  await expect(row.getByTestId("role")).toHaveText("admin");

  await invitee.goto("/dashboard");
  await expect(invitee.getByText(`${ACME} · admin`)).toBeVisible();
  // Admins still don't manage the team.
  await invitee.goto("/team");
  await expect(invitee.getByRole("button", { name: /Change role|Remove/ })).toHaveCount(0);

  // Removing asks first; Cancel changes nothing, Remove takes access away.
  await row.getByRole("button", { name: "Remove" }).click();
  await owner.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(owner.getByTestId("toast")).toHaveText("Removed from the team.");
  await expect(memberRow(owner, email)).toHaveCount(0);
  await invitee.goto("/dashboard");
  await expect(invitee).toHaveURL(/\/onboarding$/);
});

test("a link opened by someone else is refused, and a revoked link stops working", async ({ browser }) => {
  const owner = await ownerPage(browser);
  const email = uniqueEmail("revoked");
  const link = await invite(owner, email, "admin");

  const other = await ownerPage(browser, "owner@mx.test");
  await other.goto(link);
  await expect(other.getByText(`This invitation is for ${email}`)).toBeVisible();
  await expect(other.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);

  const row = owner.getByTestId("invite-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Revoke" }).click();
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(owner.getByTestId("toast")).toHaveText(`Invitation for ${email} withdrawn.`);
  await expect(row).toHaveCount(0);

  await other.goto(link);
  await expect(other.getByText("This invitation was withdrawn. Ask the business owner for a new one.")).toBeVisible();
});
