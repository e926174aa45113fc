import { test } from "node:test";
import assert from "node:assert/strict";
import { nextPollDelay, POLL_MAX_MS, POLL_MIN_MS } from "./backoff";

test("asks again after 2 s, doubling to 30 s while nothing changes, and soon again after a change", () => {
  const waits: number[] = [];
  let delay = POLL_MIN_MS;
  for (let i = 0; i < 6; i++) waits.push((delay = nextPollDelay(delay, false)));
  assert.deepEqual(waits, [4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  assert.equal(nextPollDelay(POLL_MAX_MS, true), POLL_MIN_MS);
  assert.equal(nextPollDelay(0, false), POLL_MIN_MS);
});
