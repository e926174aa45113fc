import path from "node:path";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions accept either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Opens the database the environment names: a Postgres server when a URL is given, otherwise
 * PGlite in `dataDir` (or in memory when `dataDir` is "memory://").
 */
export function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  maxConnections?: number;
  /** PGlite only: start from this `dumpDataDir()` image instead of an empty cluster (tests). */
  image?: Blob;
}): Database {
  if (opts.url) {
    const client = postgres(opts.url, { max: opts.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      migrate: () => migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = opts.dataDir ?? "memory://";
  const release = dir.startsWith("memory://") ? () => {} : lockDataDir(dir);
  const client = new PGlite(dir, opts.image ? { loadDataDir: opts.image } : {});
  const pg = drizzlePglite(client, { schema });
  return {
    db: pg as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(pg, { migrationsFolder }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is embedded: two processes opening one data directory would corrupt it. A pid file
 * makes the second one (say, a CLI script while the app runs) stop with a clear message.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, "..", `${path.basename(dir)}.pid`);
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8"));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${pid} (is the app running?). Stop it first, or set DATABASE_URL to a Postgres server.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  const release = () => rmSync(lock, { force: true });
  process.once("exit", release);
  return release;
}

export { schema };
