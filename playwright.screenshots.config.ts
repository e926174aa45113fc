import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run screenshots`: the README's pictures (docs/screenshots/), taken against the real app and
// sandbox that scripts/test-e2e.mjs starts on a throw-away data directory. Its own folder
// (screenshots/) is outside `testDir: "./e2e"` of playwright.config.ts, so `npm test` never runs it.
export default defineConfig({
  ...base,
  testDir: "./screenshots",
  workers: 1,
  reporter: [["list"]],
  timeout: 120_000,
  use: {
    ...base.use,
    viewport: { width: 1280, height: 800 },
    colorScheme: "light",
    deviceScaleFactor: 1,
    trace: "off",
    screenshot: "off",
  },
});
