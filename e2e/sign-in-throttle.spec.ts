import { expect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";
import { BLOCKED, pageFrom, signInAnswer, slowedFor, WRONG } from "./throttle";

const ATTACKER = "203.0.113.9";
const USER = "198.51.100.7";

test("a stranger's wrong passwords from another network neither lock the user out nor survive the user's sign-in; the stranger's network gets blocked", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("throttled");
  const password = "the-right-password";
  const user = await pageFrom(browser, USER);
  await user.goto("/sign-up");
  await user.getByLabel("Your name").fill("Tess Throttle");
  await user.getByLabel("Work email").fill(email);
  await user.getByLabel("Password").fill(password);
  await user.getByRole("button", { name: "Create account" }).click();
  await expect(user).toHaveURL(/\/onboarding$/);
  // Signed out for what follows: once the page's own requests (prefetches refresh the session cookie) are done.
  await user.waitForLoadState("networkidle");
  await user.context().clearCookies();

  // Twelve quick guesses: a few are checked, the rest are told to wait (and not checked).
  const attacker = await pageFrom(browser, ATTACKER);
  const answers: string[] = [];
  for (let i = 0; i < 12; i++) answers.push(await signInAnswer(attacker, email, `guess-${i}`));
  expect(
    answers.every((a) => a === WRONG || slowedFor(a) !== null),
    answers.join("\n"),
  ).toBe(true);
  expect(answers.filter((a) => slowedFor(a) !== null).length).toBeGreaterThan(0);

  // The same network tries other accounts until it is blocked (20 failures in all).
  let blocked = false;
  for (let i = 0; i < 25 && !blocked; i++) {
    const answer = await signInAnswer(attacker, uniqueEmail("nobody"), "a-guess");
    blocked = BLOCKED.test(answer);
    if (!blocked) expect(answer).toBe(WRONG);
  }
  expect(blocked, "the attacker's network was blocked").toBe(true);
  expect(await signInAnswer(attacker, email, password)).toMatch(BLOCKED);

  // The user, from their own network, waits at most the capped delay and signs in.
  await signIn(user, email, password);
  const alert = user.getByTestId("form-alert");
  await expect(alert.or(user.getByTestId("signed-in-as"))).toBeVisible();
  if (await alert.isVisible()) {
    const wait = slowedFor((await alert.textContent()) ?? "");
    expect(wait).not.toBeNull();
    expect(wait!).toBeLessThanOrEqual(30);
    await user.waitForTimeout(wait! * 1000);
    await signIn(user, email, password);
  }
  await expect(user).toHaveURL(/\/onboarding$/);

  // Signing in cleared only the user's own failures: the attacker's network is still blocked.
  expect(await signInAnswer(attacker, email, password)).toMatch(BLOCKED);
  await user.context().close();
  await attacker.context().close();
});
