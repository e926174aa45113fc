import { runLoad, type LoadFigures } from "./load";
import { poster } from "./http-post";
import { requestPool } from "./rta-requests";

export type RtaLoad = {
  /** Runs `durationMs` of signed requests at `concurrency` (a warm-up is a run whose figures are ignored). */
  run(opts: { concurrency: number; durationMs: number }): Promise<LoadFigures & { errors: number }>;
  close(): void;
};

/**
 * A load generator of signed real-time authorization requests against `url`, pre-built in a pool
 * of `poolSize`. `reuse` cycles through the pool (for a server that stores nothing); otherwise
 * every request is a new event, as Stripe sends them. An answer other than 200 (or a lost
 * connection) is counted in `errors`, its time still in the percentiles: Stripe would have waited.
 */
export function rtaLoad(opts: {
  url: string;
  maxConcurrency: number;
  signing: { account: string; cards: string[]; secret: string };
  poolSize: number;
  reuse?: boolean;
}): RtaLoad {
  const client = poster(opts.url, opts.maxConcurrency);
  const pool = requestPool(opts.signing, opts.poolSize);
  let sent = 0;
  return {
    async run({ concurrency, durationMs }) {
      let errors = 0;
      const task = async () => {
        const i = sent++;
        const req = pool.take(opts.reuse ? i % opts.poolSize : i);
        try {
          const res = await client.post(req.body, { "stripe-signature": req.signature });
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
      };
      const figures = await runLoad({ concurrency, durationMs, task });
      if (pool.late)
        console.log(`  (${pool.late} requests signed while measuring so far: the pool of ${opts.poolSize} ran out)`);
      if (errors) console.log(`  ${errors} of ${figures.count} requests were not answered 200`);
      return { ...figures, errors };
    },
    close: () => client.close(),
  };
}
