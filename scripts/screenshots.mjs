// `npm run screenshots`: retakes the README's screenshots (docs/screenshots/*.png). It runs the
// browser-test runner (scripts/test-e2e.mjs: the real app and sandbox on free ports, a throw-away
// data directory, the demo seed) with its own Playwright config, so the pictures show what a fresh
// `npm start` shows. Arguments go to Playwright, e.g. `npm run screenshots -- -g admin`.
import { spawnSync } from "node:child_process";
import { root } from "./lib.mjs";

const { status } = spawnSync(
  process.execPath,
  ["scripts/test-e2e.mjs", "--config", "playwright.screenshots.config.ts", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: process.env },
);
process.exit(status ?? 1);
