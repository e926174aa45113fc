import { invalidRequest, referenceMissing } from "./errors";

export type Range = number | { gt?: number; gte?: number; lt?: number; lte?: number };

export function inRange(value: number, range: Range | undefined): boolean {
  if (range === undefined || range === null) return true;
  if (typeof range === "number") return value === range;
  if (range.gt !== undefined && !(value > range.gt)) return false;
  if (range.gte !== undefined && !(value >= range.gte)) return false;
  if (range.lt !== undefined && !(value < range.lt)) return false;
  if (range.lte !== undefined && !(value <= range.lte)) return false;
  return true;
}

type Item = { id: string; created?: unknown };

/**
 * A v1 list page. `newestFirst` must already be filtered to what the caller may see;
 * cursors step through it exactly once in either direction.
 */
export function listV1<T extends Item>(
  newestFirst: T[],
  params: Record<string, unknown>,
  url: string,
  objectName: string,
) {
  const limit = (params.limit as number | undefined) ?? 10;
  const created = params.created as Range | undefined;
  const items =
    created === undefined
      ? newestFirst
      : newestFirst.filter((i) => typeof i.created === "number" && inRange(i.created, created));
  const after = params.starting_after as string | undefined;
  const before = params.ending_before as string | undefined;
  if (after && before)
    throw invalidRequest("You may only specify one of these parameters: ending_before, starting_after.");
  let data: T[];
  let hasMore: boolean;
  if (before) {
    const idx = items.findIndex((i) => i.id === before);
    if (idx < 0) throw referenceMissing(objectName, before, "ending_before");
    const newer = items.slice(0, idx);
    data = newer.slice(Math.max(0, newer.length - limit));
    hasMore = newer.length > limit;
  } else {
    let start = 0;
    if (after) {
      const idx = items.findIndex((i) => i.id === after);
      if (idx < 0) throw referenceMissing(objectName, after, "starting_after");
      start = idx + 1;
    }
    data = items.slice(start, start + limit);
    hasMore = items.length > start + limit;
  }
  return { object: "list" as const, data, has_more: hasMore, url };
}

/** v2 paging: `page` is an opaque token that carries the cursor, limit and filters. */
type PageToken = { after?: string; before?: string; limit: number; filters: Record<string, unknown> };

const encode = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString("base64url");
function decode(token: string): PageToken {
  try {
    const t = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as PageToken;
    if (typeof t.limit === "number" && t.filters && typeof t.filters === "object") return t;
  } catch {
    /* fall through */
  }
  throw invalidRequest(`Invalid page token: ${token}`, { param: "page" });
}

/** Resolves the effective limit and filters for a v2 list (the page token wins over repeated query params). */
export function v2Page(params: Record<string, unknown>, filterKeys: string[]): PageToken {
  if (typeof params.page === "string") return decode(params.page);
  const filters: Record<string, unknown> = {};
  for (const k of filterKeys) if (params[k] !== undefined) filters[k] = params[k];
  return { limit: (params.limit as number | undefined) ?? 20, filters };
}

/** Builds `{data, next_page_url, previous_page_url}` from items filtered by `token.filters`. */
export function listV2<T extends { id: string }>(newestFirst: T[], token: PageToken, basePath: string) {
  let start = 0;
  let end: number;
  if (token.before) {
    const idx = newestFirst.findIndex((i) => i.id === token.before);
    end = idx < 0 ? 0 : idx;
    start = Math.max(0, end - token.limit);
  } else {
    if (token.after) start = newestFirst.findIndex((i) => i.id === token.after) + 1;
    end = Math.min(newestFirst.length, start + token.limit);
  }
  const data = newestFirst.slice(start, end);
  const last = data[data.length - 1];
  const first = data[0];
  const base = { limit: token.limit, filters: token.filters };
  return {
    data,
    next_page_url: end < newestFirst.length && last ? `${basePath}?page=${encode({ ...base, after: last.id })}` : null,
    previous_page_url: start > 0 && first ? `${basePath}?page=${encode({ ...base, before: first.id })}` : null,
  };
}
