import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { WriteAheadLog } from "./wal";

/** One stored object: who owns it (platform or connected account id), its public data, and hidden state. */
export type Row<T = Record<string, unknown>> = { owner: string; data: T; extra?: Record<string, unknown> };
type Change = [table: string, id: string, row: Row | null];
type WalRecord = { s: number; c: Change[] };
type Snapshot = { seq: number; tables: Record<string, Array<[string, Row]>> };

export type StoreOptions = { compactBytes?: number };

/**
 * Durable in-memory state. Reads hit memory; every change goes through a Tx whose change
 * set is applied to memory and appended to the WAL as one record. Callers answer only
 * after `commit()` resolves (the record is fsync'd). Tables keep insertion order, which
 * the list endpoints use as "newest last".
 */
const COMPACT_QUIET_MS = 250;
const COMPACT_HARD_FACTOR = 8;

export class Store {
  private tables = new Map<string, Map<string, Row>>();
  private seq = 0;
  private wal: WriteAheadLog;
  private readonly snapshotFile: string;
  private readonly compactBytes: number;
  private resetListeners: Array<() => void> = [];
  private compactTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly dir: string,
    opts: StoreOptions = {},
  ) {
    mkdirSync(dir, { recursive: true });
    this.snapshotFile = path.join(dir, "snapshot.json");
    this.compactBytes = opts.compactBytes ?? 16 * 1024 * 1024;
    if (existsSync(this.snapshotFile)) {
      const snap = JSON.parse(readFileSync(this.snapshotFile, "utf8")) as Snapshot;
      this.seq = snap.seq;
      for (const [name, rows] of Object.entries(snap.tables)) this.tables.set(name, new Map(rows));
    }
    const walFile = path.join(dir, "wal.log");
    WriteAheadLog.replay(walFile, (record) => {
      const r = record as WalRecord;
      if (r.s <= this.seq) return; // already covered by the snapshot
      this.apply(r.c);
      this.seq = r.s;
    });
    this.wal = new WriteAheadLog(walFile);
  }

  table(name: string): Map<string, Row> {
    let t = this.tables.get(name);
    if (!t) {
      t = new Map();
      this.tables.set(name, t);
    }
    return t;
  }

  get<T = Record<string, unknown>>(table: string, id: string): Row<T> | undefined {
    return this.tables.get(table)?.get(id) as Row<T> | undefined;
  }

  /** Rows in insertion order (oldest first). */
  rows<T = Record<string, unknown>>(table: string): Array<[string, Row<T>]> {
    return Array.from(this.table(table).entries()) as Array<[string, Row<T>]>;
  }

  begin(): Tx {
    return new Tx(this);
  }

  /** Resolves once every change applied so far is on disk (a read barrier). */
  sync(): Promise<void> {
    return this.wal.sync();
  }

  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Drops all state durably: an empty snapshot, then an empty log. */
  async reset(): Promise<void> {
    await this.wal.sync();
    this.tables.clear();
    this.seq++;
    this.writeSnapshot();
    this.wal.truncate();
    for (const l of this.resetListeners) l();
  }

  close(): Promise<void> {
    return this.wal.sync().then(() => {
      if (this.compactTimer) clearTimeout(this.compactTimer);
      this.compactTimer = null;
      this.compactIfIdle();
      this.wal.close();
    });
  }

  /** @internal */
  commitChanges(changes: Change[]): Promise<void> {
    if (changes.length === 0) return this.wal.sync();
    this.apply(changes);
    this.seq++;
    const done = this.wal.append({ s: this.seq, c: changes } satisfies WalRecord);
    return done.then(() => this.maybeCompact());
  }

  private apply(changes: Change[]): void {
    for (const [table, id, row] of changes) {
      if (row === null) this.table(table).delete(id);
      else this.table(table).set(id, row);
    }
  }

  /**
   * When the log is large, fold it into a snapshot once everything in memory is durable (the log
   * is idle). Writing the snapshot serialises every table at once, which would stall every request
   * under traffic for as long; so it waits for a quiet moment (no commit for COMPACT_QUIET_MS), or
   * for close, unless the log has grown past COMPACT_HARD_FACTOR times the threshold.
   */
  private maybeCompact(): void {
    if (this.wal.bytes < this.compactBytes) return;
    if (this.wal.bytes >= this.compactBytes * COMPACT_HARD_FACTOR) return this.compactIfIdle();
    if (this.compactTimer) this.compactTimer.refresh();
    else {
      this.compactTimer = setTimeout(() => {
        this.compactTimer = null;
        this.compactIfIdle();
      }, COMPACT_QUIET_MS);
      this.compactTimer.unref();
    }
  }

  private compactIfIdle(): void {
    if (this.wal.bytes < this.compactBytes || !this.wal.idle) return;
    this.writeSnapshot();
    this.wal.truncate();
  }

  private writeSnapshot(): void {
    const tables: Snapshot["tables"] = {};
    for (const [name, rows] of this.tables) tables[name] = Array.from(rows.entries());
    const tmp = `${this.snapshotFile}.tmp`;
    writeFileSync(tmp, JSON.stringify({ seq: this.seq, tables } satisfies Snapshot));
    const fd = openSync(tmp, "r+");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.snapshotFile);
    const dirFd = openSync(this.dir, "r");
    fsyncSync(dirFd);
    closeSync(dirFd);
  }
}

/** A change set: reads see its own writes; nothing is visible to others until commit. */
export class Tx {
  private changes = new Map<string, Change>();
  private committed = false;

  constructor(readonly store: Store) {}

  get<T = Record<string, unknown>>(table: string, id: string): Row<T> | undefined {
    const pending = this.changes.get(`${table}\u0000${id}`);
    if (pending) return (pending[2] ?? undefined) as Row<T> | undefined;
    return this.store.get<T>(table, id);
  }

  put<T>(table: string, id: string, row: Row<T>): void {
    this.changes.set(`${table}\u0000${id}`, [table, id, row as Row]);
  }

  delete(table: string, id: string): void {
    this.changes.set(`${table}\u0000${id}`, [table, id, null]);
  }

  get size(): number {
    return this.changes.size;
  }

  commit(): Promise<void> {
    if (this.committed) throw new Error("transaction already committed");
    this.committed = true;
    return this.store.commitChanges(Array.from(this.changes.values()));
  }
}
