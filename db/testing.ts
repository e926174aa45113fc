import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe } from "node:test";
import postgres from "postgres";
import { openDatabase, type Database } from "./connect";

/** What the migrations and PGlite are: the image below is rebuilt whenever either changes. */
function migrationsDigest(): string {
  const dir = path.join(process.cwd(), "db", "migrations");
  const hash = createHash("sha256");
  hash.update(readFileSync(path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json")));
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    if (/\.(sql|json)$/.test(file)) hash.update(file).update(readFileSync(path.join(dir, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

let image: Promise<Blob> | undefined;
/**
 * A freshly migrated, empty PGlite cluster as a `dumpDataDir()` image, made once per set of
 * migrations and shared by every test process through a file: a new cluster's initdb and the
 * migrations take seconds, loading the image about one.
 */
function migratedImage(): Promise<Blob> {
  image ??= (async () => {
    const file = path.join(tmpdir(), `issuing-console-pglite-${migrationsDigest()}.tar.gz`);
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      const fresh = openDatabase({ dataDir: "memory://" });
      await fresh.migrate();
      const dump = await (
        fresh.db as unknown as { $client: { dumpDataDir(c: "gzip"): Promise<Blob> } }
      ).$client.dumpDataDir("gzip");
      await fresh.close();
      // Written whole, then renamed: a process reading it never sees half a file.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
      return dump;
    }
  })();
  return image;
}

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
        const database = openDatabase({ dataDir: "memory://", image: await migratedImage() });
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
