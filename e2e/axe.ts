// axe (WCAG 2.0/2.1 A and AA rules) on what a page shows now: serious and critical findings fail
// the test; moderate and minor ones are counted (e2e/accessibility.spec.ts prints the tally).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Moderate and minor findings don't fail the test; they're counted and printed at the end.
export const tally: Array<{
  state: string;
  serious: number;
  moderate: number;
  minor: number;
  rules: string[];
  passed: number;
  review: string[];
}> = [];

/** Runs axe on what the page shows now; fails with a readable list of serious/critical findings. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // Let client components hydrate and the embedded components render before scanning.
  await page.waitForLoadState("load");
  // After a server action re-renders the page, React puts the <title> back a moment after the
  // content: wait for one (a page that never has a title still fails here, by name).
  await expect(page, `"${state}" has no document title`).toHaveTitle(/\S/);
  for (const panel of await page.locator('[data-testid$="-components"]').all()) {
    // Connect embedded components render after load (into shadow roots): wait for their content.
    await expect(panel.locator("button, table, [role=alert], [data-testid]").first()).toBeVisible();
  }
  // Passing and inapplicable rules are counted, not itemised: axe then skips building a selector and
  // an HTML snippet for every passing element, most of its time on a page this size.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations", "incomplete"] })
    .withTags(TAGS)
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const count = (impact: string) =>
    results.violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
  tally.push({
    state,
    serious: blocking.reduce((n, v) => n + v.nodes.length, 0),
    moderate: count("moderate"),
    minor: count("minor"),
    rules: results.violations.map((v) => `${v.id}(${v.impact})`),
    passed: results.passes.length,
    // What axe couldn't decide by itself (e.g. contrast over a gradient): printed, not failed.
    review: results.incomplete
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}×${v.nodes.length}`),
  });
  const lines = blocking.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n      at ${n.target.join(" ")}\n      ${n.failureSummary?.split("\n").join(" ") ?? ""}`,
    ),
  );
  expect(lines, `axe found serious/critical violations on "${state}" (${page.url()}):\n${lines.join("\n")}`).toEqual(
    [],
  );
}
