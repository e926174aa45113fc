import assert from "node:assert/strict";
import { test } from "node:test";
import { deviceLabel } from "./device-label";

test("names the browser and system a person would recognise", () => {
  assert.equal(
    deviceLabel(
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
    ),
    "Chrome on Linux",
  );
  assert.equal(
    deviceLabel(
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    ),
    "Safari on iOS",
  );
  assert.equal(
    deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0"),
    "Firefox on Windows",
  );
  assert.equal(deviceLabel(null), "Unknown device");
});
