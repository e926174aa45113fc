import path from "node:path";

/** Where the database lives, from the environment (the rest of the app's settings are in lib/config.ts). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

export function pgliteDir(): string {
  return path.join(dataDir(), "pglite");
}

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}
