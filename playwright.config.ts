import { defineConfig } from "@playwright/test";

// Run through `npm run test:e2e`, which starts the app and sandbox and sets these variables.
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) throw new Error("Run browser tests with `npm run test:e2e` (it starts the app and the sandbox).");

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous: 2 shared cores, scrypt sign-ins and sign-ups; a test that hangs still fails.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      // No network here: keep Chromium from reaching out, and run as root in CI.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
