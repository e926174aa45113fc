export type Figures = Record<string, number>;
export type Results = { node: string; cpus: number; started_at: string; [bench: string]: Figures | string | number };

/** A figure's unit: its name's ending, with a step suffix (`p99_ms_at_800`) set aside. */
const unitOf = (key: string) => key.replace(/_at_\d+$/, "");

/** Which direction is worse for a figure, from the unit its name ends with. */
function worseWhen(key: string): "higher" | "lower" | null {
  const unit = unitOf(key);
  if (unit.endsWith("_ms") || unit.endsWith("_kb") || unit === "fallback_count" || unit === "standin_count")
    return "higher";
  if (unit.endsWith("_per_s")) return "lower";
  return null;
}

// Shared 2-core machines are noisy: latency must move by more than this to count as a change.
const NOISE: Record<string, number> = { _ms: 0.3, _per_s: 0.2, _kb: 0.05 };
const noiseFor = (key: string) => Object.entries(NOISE).find(([suffix]) => unitOf(key).endsWith(suffix))?.[1] ?? 0.2;

export function compare(
  latest: Results,
  previous: Results | null,
  budgets: Record<string, Figures>,
): { markdown: string; flags: string[] } {
  const flags: string[] = [];
  const lines = [
    `# Benchmarks (${latest.started_at}, node ${latest.node}, ${latest.cpus} cpus)`,
    "",
    previous ? `Compared with the run of ${previous.started_at}.` : "No previous results to compare with.",
    "",
    "| benchmark | figure | value | previous | ratio | budget | note |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const [bench, figures] of Object.entries(latest)) {
    if (typeof figures !== "object") continue;
    const prev = previous?.[bench];
    for (const [key, value] of Object.entries(figures)) {
      const before = typeof prev === "object" ? prev[key] : undefined;
      const ratio = before ? value / before : null;
      const notes: string[] = [];
      const dir = worseWhen(key);
      if (ratio !== null && dir) {
        const worse = dir === "higher" ? ratio > 1 + noiseFor(key) : ratio < 1 - noiseFor(key);
        if (worse) notes.push("regression beyond noise");
      }
      // A count that was 0 (fallbacks, stand-ins) has no ratio: any appearance is the regression.
      if (before === 0 && value > 0 && dir === "higher") notes.push("was 0");
      const budget = budgets[bench]?.[key];
      if (budget !== undefined && value > budget) notes.push(`over budget (${budget})`);
      // Every route's first-load JavaScript has its own budget: a new route must be given one.
      if (budget === undefined && bench === "client_js" && key.endsWith("_kb")) notes.push("no budget");
      if (notes.length) flags.push(`${bench}.${key}: ${notes.join(", ")}`);
      lines.push(
        `| ${bench} | ${key} | ${value} | ${before ?? ""} | ${ratio === null ? "" : ratio.toFixed(2)} | ${budget ?? ""} | ${notes.join("; ")} |`,
      );
    }
  }
  return { markdown: lines.join("\n") + "\n", flags };
}
