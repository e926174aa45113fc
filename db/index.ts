import "server-only";
import { openDatabase, type Database, type Db } from "./connect";
import { databaseUrl, pgliteDir } from "./config";

// One connection per process, kept on globalThis: Next.js may load this module once per route
// bundle, and two PGlite instances on one data directory would corrupt it.
const globalForDb = globalThis as unknown as { issuingConsoleDb?: Database };

export function getDatabase(): Database {
  if (!globalForDb.issuingConsoleDb) {
    globalForDb.issuingConsoleDb = openDatabase({ url: databaseUrl(), dataDir: pgliteDir() });
  }
  return globalForDb.issuingConsoleDb;
}

export function getDb(): Db {
  return getDatabase().db;
}

export type { Db, DbOrTx, Tx } from "./connect";
