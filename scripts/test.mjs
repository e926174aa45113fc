// `npm test`: every tier, in order of speed. TEST_DATABASE_URL adds a Postgres server run of the
// database tests. Run one tier with `npm run lint|typecheck|test:unit|test:e2e`.
import { spawn, spawnSync } from "node:child_process";
import { ensureDependencies, root } from "./lib.mjs";

process.chdir(root);
ensureDependencies();

// Lint and typecheck each keep one core busy: they run side by side (on this 2-core machine about
// half a minute less), their output held and printed whole, one tier after the other.
const together = [
  ["lint", ["run", "lint"]],
  ["typecheck", ["run", "typecheck"]],
];
const inTurn = [
  ["unit, integration and database tests", ["run", "test:unit"]],
  ["browser tests", ["run", "test:e2e"]],
];

function runHeld([name, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npm", args, { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (c) => output.push(c));
    child.stderr.on("data", (c) => output.push(c));
    child.on("close", (status) =>
      resolve({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000), output }),
    );
  });
}

const results = [];
for (const r of await Promise.all(together.map(runHeld))) {
  console.log(`\n=== ${r.name} ===`);
  process.stdout.write(Buffer.concat(r.output));
  results.push(r);
}
if (results.every((r) => r.ok)) {
  for (const [name, args] of inTurn) {
    console.log(`\n=== ${name} ===`);
    const started = Date.now();
    const { status } = spawnSync("npm", args, { stdio: "inherit", env: process.env });
    results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
    if (status !== 0) break;
  }
}

const total = together.length + inTurn.length;
console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds}s)`);
const skipped = total - results.length;
if (skipped > 0) console.log(`(${skipped} later tier(s) not run after the failure)`);
if (!process.env.TEST_DATABASE_URL) console.log("note: TEST_DATABASE_URL not set, database tests ran on PGlite only");
const passed = results.filter((r) => r.ok).length;
console.log(`tiers: ${passed} passed, ${total - passed} failed`);
process.exit(passed === total ? 0 : 1);
