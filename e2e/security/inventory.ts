// Every server action and route handler, read from the code (not from a list someone keeps), so
// the matrix spec fails when one is added without saying who may call it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const SOURCE_DIRS = ["app", "lib", "components"];
const SKIP = new Set(["node_modules", ".next"]);
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Source without comments, so a directive or export mentioned in a comment is not counted. */
export function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** A file whose first statement is the `"use server"` directive. */
export function hasFileDirective(source: string): boolean {
  return /^\s*(["'])use server\1\s*;?/.test(stripComments(source));
}

/** Whether a `"use server"` directive appears anywhere (an inline server action, if not at the top). */
export function mentionsDirective(source: string): boolean {
  return /(["'])use server\1/.test(stripComments(source));
}

/** Names a module exports as values (functions, consts, re-exports); types are left out. */
export function exportedNames(source: string): string[] {
  const code = stripComments(source);
  const names = new Set<string>();
  for (const m of code.matchAll(/^\s*export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of code.matchAll(/^\s*export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of code.matchAll(/^\s*export\s+default\b/gm)) if (m) names.add("default");
  for (const m of code.matchAll(/^\s*export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const spec = part.trim();
      if (!spec || spec.startsWith("type ")) continue;
      const alias = /\bas\s+([A-Za-z_$][\w$]*)$/.exec(spec);
      names.add(alias ? alias[1]! : spec);
    }
  }
  return [...names].sort();
}

/** `app/(business)/wallet/export/route.ts` → `/wallet/export` (route groups leave the URL). */
export function routePathOf(file: string): string {
  const segments = file
    .replace(/\\/g, "/")
    .split("/")
    .slice(1, -1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

export type ActionKey = `${string}#${string}`;
export type RouteKey = `${(typeof HTTP_METHODS)[number]} /${string}`;

export type Inventory = {
  /** `<file>#<export>` for every export of a `"use server"` file; `<file>#<inline>` for an inline directive. */
  actions: ActionKey[];
  /** `<METHOD> <path>` for every method a route handler exports. */
  routes: RouteKey[];
};

export function inventory(root = ROOT): Inventory {
  const actions: ActionKey[] = [];
  const routes: RouteKey[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const full of walk(path.join(root, dir))) {
      const file = path.relative(root, full).replace(/\\/g, "/");
      const source = readFileSync(full, "utf8");
      if (hasFileDirective(source)) for (const name of exportedNames(source)) actions.push(`${file}#${name}`);
      else if (mentionsDirective(source)) actions.push(`${file}#<inline>`);
      if (dir === "app" && /\/route\.(ts|tsx|js|mjs)$/.test(file)) {
        const exported = new Set(exportedNames(source));
        for (const method of HTTP_METHODS)
          if (exported.has(method)) routes.push(`${method} ${routePathOf(file)}` as RouteKey);
      }
    }
  }
  return { actions: actions.sort(), routes: routes.sort() };
}
