import { z } from "zod";
import { decodeCursor } from "@/db/queries/events";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The activity page's query string; junk falls back to "no filter" (a bad person id must not reach a uuid column). */
const schema = z.object({
  person: z.preprocess(one, z.string().uuid().optional()).catch(undefined),
  kind: z.preprocess(one, z.string().trim().min(1).max(100).optional()).catch(undefined),
  before: z.preprocess(one, z.string().max(200).optional()).catch(undefined),
});

export type ActivityQuery = z.output<typeof schema>;

export function parseActivityQuery(params: Record<string, string | string[] | undefined>): ActivityQuery {
  return schema.parse(params);
}

/** The query's filters for `listBusinessActivity`. */
export function activityFilters(q: ActivityQuery) {
  return { actorUserId: q.person, action: q.kind, before: decodeCursor(q.before) };
}

/** The page's URL with the same filters and `before` as given (links for paging). */
export function activityHref(q: ActivityQuery, before?: string): string {
  const qs = new URLSearchParams({
    ...(q.person ? { person: q.person } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(before ? { before } : {}),
  }).toString();
  return qs ? `/activity?${qs}` : "/activity";
}
