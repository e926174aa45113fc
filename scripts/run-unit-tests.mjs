// Runs every *.test.ts(x) beside the code (not e2e/) with node's test runner and tsx.
// `react-server` makes `import "server-only"` a no-op outside Next.js.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const SKIP = new Set(["node_modules", ".next", ".data", "e2e", ".git", "test-results"]);
function find(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) find(full, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = find(".")
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
// Client components (`*.client.test.tsx`) need React's browser build, so they run without react-server.
const clientFiles = files.filter((f) => /\.client\.test\.tsx?$/.test(f));
const serverFiles = files.filter((f) => !clientFiles.includes(f));
let status = 0;
for (const [group, extra] of [
  [serverFiles, ["--conditions=react-server"]],
  [clientFiles, []],
]) {
  if (group.length === 0) continue;
  const result = spawnSync(
    process.execPath,
    [...extra, "--import", "tsx", "--test", "--test-concurrency=2", ...group],
    {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "test" },
    },
  );
  status ||= result.status ?? 1;
}
process.exit(status);
