import { closeSync, fdatasync, fsyncSync, openSync, readFileSync, existsSync, ftruncateSync, write } from "node:fs";
import { crc32 } from "node:zlib";

/**
 * Append-only write-ahead log. Each record is one line: `<crc32 hex> <json>\n`.
 * Appends are group-committed: every record queued while a write+fdatasync is in
 * flight goes out in the next single write+fdatasync, so thousands of requests per
 * second cost only a few hundred syncs. A torn or corrupt tail (a crash mid-write)
 * fails its checksum and is cut off at start-up, so a change set is either whole or absent.
 */
export class WriteAheadLog {
  private fd: number;
  private queue: Buffer[] = [];
  private waiters: Array<(err: Error | null) => void> = [];
  private flushing = false;
  private flushedUpTo = 0;
  private appended = 0;
  private idleWaiters: Array<() => void> = [];
  bytes = 0;

  constructor(private readonly file: string) {
    this.fd = openSync(file, "a+");
  }

  /** Reads every intact record and truncates anything after the last intact one. */
  static replay(file: string, onRecord: (record: unknown) => void): void {
    if (!existsSync(file)) return;
    const data = readFileSync(file);
    let offset = 0;
    while (offset < data.length) {
      const nl = data.indexOf(0x0a, offset);
      if (nl < 0) break;
      const line = data.subarray(offset, nl);
      const space = line.indexOf(0x20);
      if (space !== 8) break;
      const sum = line.subarray(0, 8).toString("latin1");
      const body = line.subarray(9);
      if (crc32(body).toString(16).padStart(8, "0") !== sum) break;
      let record: unknown;
      try {
        record = JSON.parse(body.toString("utf8"));
      } catch {
        break;
      }
      onRecord(record);
      offset = nl + 1;
    }
    if (offset < data.length) {
      const fd = openSync(file, "r+");
      ftruncateSync(fd, offset);
      fsyncSync(fd);
      closeSync(fd);
    }
  }

  /** Queues a record; the promise resolves once it is on disk. */
  append(record: unknown): Promise<void> {
    const body = Buffer.from(JSON.stringify(record), "utf8");
    const line = Buffer.concat([Buffer.from(`${crc32(body).toString(16).padStart(8, "0")} `, "latin1"), body, NL]);
    this.queue.push(line);
    this.appended++;
    const done = new Promise<void>((resolve, reject) => this.waiters.push((err) => (err ? reject(err) : resolve())));
    if (!this.flushing) setImmediate(() => this.flush());
    return done;
  }

  /** Resolves when everything appended so far is durable. */
  sync(): Promise<void> {
    if (this.flushedUpTo === this.appended) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private flush(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = Buffer.concat(this.queue);
    const waiters = this.waiters;
    const count = this.queue.length;
    this.queue = [];
    this.waiters = [];
    const finish = (err: Error | null) => {
      this.flushing = false;
      if (!err) {
        this.bytes += batch.length;
        this.flushedUpTo += count;
      }
      for (const w of waiters) w(err);
      if (this.flushedUpTo === this.appended) {
        const idle = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of idle) w();
      }
      if (this.queue.length > 0) this.flush();
    };
    writeAll(this.fd, batch, (err) => {
      if (err) return finish(err);
      fdatasync(this.fd, (syncErr) => finish(syncErr));
    });
  }

  get idle(): boolean {
    return !this.flushing && this.queue.length === 0;
  }

  /** Empties the log; only called right after a durable snapshot covers its contents. */
  truncate(): void {
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

const NL = Buffer.from("\n");

function writeAll(fd: number, buf: Buffer, cb: (err: Error | null) => void, offset = 0): void {
  write(fd, buf, offset, buf.length - offset, null, (err, written) => {
    if (err) return cb(err);
    if (offset + written < buf.length) return writeAll(fd, buf, cb, offset + written);
    cb(null);
  });
}
