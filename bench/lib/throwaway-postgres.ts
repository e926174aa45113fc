import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database } from "@/db/connect";

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A fresh, migrated database on the Postgres server, created the way db/testing.ts does and
 * dropped by `dispose()`; null (with the reason) when no server answers, so a bench can be skipped
 * instead of failing. The pool has the app's default size (db/index.ts opens it without one).
 */
export async function throwawayPostgres(
  label: string,
): Promise<{ database: Database; dispose: () => Promise<void> } | { skipped: string }> {
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const dbName = `ic_bench_${label}_${randomBytes(4).toString("hex")}`;
  try {
    await admin.unsafe(`CREATE DATABASE ${dbName}`);
  } catch (err) {
    await admin.end({ timeout: 1 }).catch(() => {});
    return { skipped: `no Postgres at ${POSTGRES_URL} (${err instanceof Error ? err.message : String(err)})` };
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${dbName}`;
  const database = openDatabase({ url: url.toString() });
  const dispose = async () => {
    await database.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  };
  try {
    await database.migrate();
  } catch (err) {
    await dispose();
    throw err;
  }
  return { database, dispose };
}
