// `npm test`: every tier, in order of speed. TEST_DATABASE_URL adds a Postgres server run of the
// database tests. Run one tier with `npm run lint|typecheck|test:unit|test:e2e`.
import { spawnSync } from "node:child_process";
import { ensureDependencies, root } from "./lib.mjs";

process.chdir(root);
ensureDependencies();

const tiers = [
  ["lint", ["run", "lint"]],
  ["typecheck", ["run", "typecheck"]],
  ["unit, integration and database tests", ["run", "test:unit"]],
  ["browser tests", ["run", "test:e2e"]],
];

const results = [];
for (const [name, args] of tiers) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { status } = spawnSync("npm", args, { stdio: "inherit", env: process.env });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (status !== 0) break;
}

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds}s)`);
const skipped = tiers.length - results.length;
if (skipped > 0) console.log(`(${skipped} later tier(s) not run after the failure)`);
if (!process.env.TEST_DATABASE_URL) console.log("note: TEST_DATABASE_URL not set, database tests ran on PGlite only");
const passed = results.filter((r) => r.ok).length;
console.log(`tiers: ${passed} passed, ${tiers.length - passed} failed`);
process.exit(passed === tiers.length ? 0 : 1);
