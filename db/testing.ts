import { randomBytes } from "node:crypto";
import { after, before, describe } from "node:test";
import postgres from "postgres";
import { openDatabase, type Database } from "./connect";

/**
 * A fresh, empty database on the Postgres server at `serverUrl`: its URL (several connections to it
 * act as several app instances) and how to drop it.
 */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; dispose(): Promise<void> }> {
  const dbName = `ic_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    dispose: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Runs a suite once on an in-memory PGlite and, when TEST_DATABASE_URL is set, once more on a
 * fresh database created on that Postgres server (dropped afterwards), both freshly migrated.
 */
export function describeEachDatabase(name: string, fn: (get: () => Database) => void): void {
  const targets: Array<{ label: string; open: () => Promise<{ database: Database; dispose: () => Promise<void> }> }> = [
    {
      label: "pglite",
      open: async () => {
        const database = openDatabase({ dataDir: "memory://" });
        return { database, dispose: () => database.close() };
      },
    },
  ];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    targets.push({
      label: "postgres",
      open: async () => {
        const server = await createServerDatabase(serverUrl);
        const database = openDatabase({ url: server.url, maxConnections: 4 });
        return {
          database,
          dispose: async () => {
            await database.close();
            await server.dispose();
          },
        };
      },
    });
  }
  for (const target of targets) {
    describe(`${name} [${target.label}]`, () => {
      let current: { database: Database; dispose: () => Promise<void> } | undefined;
      before(async () => {
        current = await target.open();
        await current.database.migrate();
      });
      after(async () => {
        await current?.dispose();
      });
      fn(() => {
        if (!current) throw new Error("database not open yet");
        return current.database;
      });
    });
  }
}
