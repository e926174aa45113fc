// Finds a Chromium for Playwright: CHROMIUM_PATH, else Debian's headless shell, else Debian's full
// browser, else Playwright's own.
//
// The headless shell (`apt-get install chromium-headless-shell`) is built from the same Chromium
// source and version as /usr/bin/chromium (the same Blink and V8), without the browser's own UI; it
// is what Playwright itself runs headless tests in. The full browser's headless mode spent about
// twice the CPU per page here (17 page scans: 124 s against 65 s), and on 2 cores the browser
// tests are bound by CPU. `CHROMIUM_PATH=/usr/bin/chromium npm run test:e2e` runs them in the full
// browser instead.
import { existsSync } from "node:fs";

export async function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here
  }
  return null;
}
