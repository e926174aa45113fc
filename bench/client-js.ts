import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type RouteStats = { route: string; firstLoadChunkPaths: string[] };

/** First-load JavaScript per route, gzipped, from the production build's own route statistics. */
export async function clientJs(root: string): Promise<Record<string, number>> {
  const stats = JSON.parse(
    readFileSync(path.join(root, ".next", "diagnostics", "route-bundle-stats.json"), "utf8"),
  ) as RouteStats[];
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length);
    return sizes.get(file)!;
  };
  const figures: Record<string, number> = {};
  let max = 0;
  for (const { route, firstLoadChunkPaths } of stats) {
    const kb = Math.round((firstLoadChunkPaths.reduce((sum, f) => sum + gz(f), 0) / 1024) * 10) / 10;
    figures[`${route === "/" ? "root" : route.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "_")}_kb`] = kb;
    max = Math.max(max, kb);
  }
  return { max_route_kb: max, ...figures };
}
