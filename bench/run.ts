// `npm run bench [-- name …]`: runs the benchmarks of shared/docs/benchmarks.md, writes
// bench/results/latest.json and latest.md, and compares with the previous results on this machine.
import { cpus } from "node:os";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureProductionBuild, lockNextDir } from "../scripts/lib.mjs";
import { adminAccountsPage, adminReviewPage } from "./admin-pages";
import { businessHome } from "./business-home";
import { clientJs } from "./client-js";
import { compare, type Results } from "./lib/compare";
import { sandboxCardCreate } from "./sandbox-card-create";
import { sandboxAuthorizations } from "./sandbox-authorizations";
import { rtaDecision } from "./rta-decision";
import { rtaFloor, rtaHandler, rtaHandlerPglite, rtaSaturation } from "./rta-handler";

const root = path.resolve(import.meta.dirname, "..");
// A bench that cannot run here (say, no Postgres server) says why and answers null: no figures.
type Bench = { name: string; run: () => Promise<Record<string, number> | null> };

const BENCHES: Bench[] = [
  { name: "admin_accounts_page", run: adminAccountsPage },
  { name: "admin_review_page", run: adminReviewPage },
  { name: "business_home", run: businessHome },
  {
    name: "client_js",
    run: async () => {
      await lockNextDir();
      ensureProductionBuild(process.env.STRIPE_SECRET_KEY ? "stripe" : "sandbox");
      return clientJs(root);
    },
  },
  { name: "sandbox_card_create", run: sandboxCardCreate },
  { name: "sandbox_authorizations", run: sandboxAuthorizations },
  { name: "rta_decision", run: rtaDecision },
  // rta_floor is the ceiling rta_handler is read against: keep them in the same run.
  { name: "rta_floor", run: rtaFloor },
  { name: "rta_handler", run: rtaHandler },
  { name: "rta_handler_pglite", run: rtaHandlerPglite },
  { name: "rta_saturation", run: rtaSaturation },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  // rta_handler is read against the floor measured beside it, never against another run's floor.
  if (only.includes("rta_handler") && !only.includes("rta_floor")) only.push("rta_floor");
  const results: Results = { node: process.version, cpus: cpus().length, started_at: new Date().toISOString() };
  for (const bench of BENCHES) {
    if (only.length && !only.includes(bench.name)) continue;
    console.log(`running ${bench.name}…`);
    const figures = await bench.run();
    if (figures) results[bench.name] = figures;
  }
  const dir = path.join(root, "bench", "results");
  const latest = path.join(dir, "latest.json");
  const prior = existsSync(latest) ? (JSON.parse(readFileSync(latest, "utf8")) as Results) : null;
  const budgets = JSON.parse(readFileSync(path.join(root, "bench", "budgets.json"), "utf8")) as Record<
    string,
    Record<string, number>
  >;
  const report = compare(results, prior, budgets);
  if (only.length) {
    // A partial run is compared with the last full run but never replaces it.
    writeFileSync(path.join(dir, "partial.json"), JSON.stringify(results, null, 2) + "\n");
    writeFileSync(path.join(dir, "partial.md"), report.markdown);
  } else {
    if (prior) renameSync(latest, path.join(dir, "previous.json"));
    writeFileSync(latest, JSON.stringify(results, null, 2) + "\n");
    writeFileSync(path.join(dir, "latest.md"), report.markdown);
  }
  console.log("\n" + report.markdown);
  if (report.flags.length) console.log(`${report.flags.length} figure(s) flagged; see above.`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
