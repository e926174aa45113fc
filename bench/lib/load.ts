/** Latency percentiles and throughput of `task` run at a fixed concurrency for a fixed time. */
export type LoadFigures = {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  throughput_per_s: number;
  concurrency: number;
  count: number;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function runLoad(opts: {
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  task: (i: number) => Promise<void>;
}): Promise<LoadFigures> {
  let next = 0;
  const worker = async (until: number, samples: number[] | null) => {
    while (performance.now() < until) {
      const started = performance.now();
      await opts.task(next++);
      samples?.push(performance.now() - started);
    }
  };
  if (opts.warmupMs) {
    const until = performance.now() + opts.warmupMs;
    await Promise.all(Array.from({ length: opts.concurrency }, () => worker(until, null)));
  }
  const samples: number[] = [];
  const started = performance.now();
  const until = started + opts.durationMs;
  await Promise.all(Array.from({ length: opts.concurrency }, () => worker(until, samples)));
  const elapsed = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return {
    p50_ms: round(percentile(samples, 50)),
    p95_ms: round(percentile(samples, 95)),
    p99_ms: round(percentile(samples, 99)),
    throughput_per_s: round(samples.length / elapsed),
    concurrency: opts.concurrency,
    count: samples.length,
  };
}
