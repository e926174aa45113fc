import assert from "node:assert/strict";
import { test } from "node:test";
import { periodFrom } from "./spend-analytics";

const now = new Date("2026-11-30T12:00:00Z");

test("a period from query parameters: real days only, anything else falls back to the last 30 days", () => {
  const { from, to } = periodFrom({ from: "2026-11-01", to: "2026-11-10" }, now);
  assert.equal(from.toISOString(), "2026-11-01T00:00:00.000Z");
  assert.equal(to.toISOString(), "2026-11-11T00:00:00.000Z");
  for (const bad of [
    { from: "not-a-date", to: "2026-13-45" },
    { from: "2026-02-30" },
    { to: "2026-00-10" },
    { days: "1e309" },
    { days: "-5" },
    { days: "NaN" },
  ]) {
    const p = periodFrom(bad, now);
    assert.ok(!Number.isNaN(p.from.getTime()) && !Number.isNaN(p.to.getTime()), JSON.stringify(bad));
    assert.ok(p.from < p.to, JSON.stringify(bad));
    assert.doesNotThrow(() => p.to.toISOString());
  }
  assert.equal(periodFrom({ to: "2026-13-45" }, now).to.getTime(), now.getTime());
});
