import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { clientJs } from "../bench/client-js";

// First-load JavaScript of every route of the production build these tests run against (gzipped,
// without connect.js), against its own budget in bench/budgets.json: a route that grows past its
// budget, or a new route without one, fails here rather than only in `npm run bench`.
test("every route's first-load JavaScript is within its budget", async () => {
  const root = process.cwd();
  const figures = await clientJs(root);
  const budgets = (
    JSON.parse(readFileSync(path.join(root, "bench", "budgets.json"), "utf8")) as { client_js: Record<string, number> }
  ).client_js;
  const routes = Object.keys(figures).filter((k) => k !== "max_route_kb");
  expect(routes.length, "the build reports its routes").toBeGreaterThan(10);
  const problems: string[] = [];
  for (const [key, kb] of Object.entries(figures)) {
    const budget = budgets[key];
    if (budget === undefined) problems.push(`${key}: ${kb} KB has no budget in bench/budgets.json`);
    else if (kb > budget) problems.push(`${key}: ${kb} KB is over its budget of ${budget} KB`);
  }
  for (const key of Object.keys(budgets))
    if (!(key in figures)) problems.push(`${key}: budgeted, but the build has no such route`);
  console.log(`first-load JS: ${routes.length} routes, largest ${figures.max_route_kb} KB`);
  expect(problems).toEqual([]);
});
