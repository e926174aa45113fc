import { test } from "node:test";
import assert from "node:assert/strict";
import { compare, type Results } from "./compare";

const run = (figures: Record<string, number>): Results => ({
  node: "v20",
  cpus: 2,
  started_at: "2026-12-06T00:00:00Z",
  rta: figures,
});

test("latency at a saturation step, throughput and counts are judged in the direction that is worse", () => {
  const before = run({ p99_ms_at_800: 300, throughput_per_s: 3000, fallback_count: 0, standin_count: 2, count: 10 });
  const after = run({ p99_ms_at_800: 900, throughput_per_s: 1000, fallback_count: 4, standin_count: 2, count: 99 });
  assert.deepEqual(compare(after, before, {}).flags, [
    "rta.p99_ms_at_800: regression beyond noise",
    "rta.throughput_per_s: regression beyond noise",
    "rta.fallback_count: was 0",
  ]);
  const better = run({ p99_ms_at_800: 200, throughput_per_s: 4000, fallback_count: 0, standin_count: 0, count: 1 });
  assert.deepEqual(compare(better, before, {}).flags, []);
});
