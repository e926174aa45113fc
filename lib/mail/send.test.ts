import { afterEach, before, beforeEach, after as afterAll, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { describeEachDatabase } from "@/db/testing";
import { outbox } from "@/db/schema";
import { storeOnce } from "@/lib/events/ingest";
import { deliverPending, MAX_ATTEMPTS, sendEmail } from "./send";

type Received = { to: string[]; raw: string };

/** A real SMTP server on a free port; `refuse` makes it reject every recipient. */
async function startSmtp() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(state.refuse ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, state, close: () => new Promise<void>((r) => server.close(r)) };
}

const SECRET_LINK = "https://console.test/reset-password/secret-token-that-must-not-be-logged";
const email = (to: string) => ({
  to,
  subject: "Reset your password",
  text: `Open ${SECRET_LINK}`,
  kind: "password_reset",
});
/** A clock past the retry delay, so rows written now are due for a retry. */
const later = () => new Date(Date.now() + 2 * 60_000);

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const logged: string[] = [];
const originals = { error: console.error, warn: console.warn };
before(async () => {
  smtp = await startSmtp();
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  console.warn = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
});
afterAll(async () => {
  Object.assign(console, originals);
  await smtp.close();
});
afterEach(() => {
  smtp.state.refuse = false;
  for (const line of logged) assert.ok(!line.includes("secret-token"), `the body was logged: ${line}`);
});

describeEachDatabase("mailer", (database) => {
  test("an email is written to the outbox, delivered over SMTP and marked sent", async () => {
    const { db } = database();
    const result = await sendEmail(db, email("ada@example.test"), { smtpUrl: smtp.url });
    assert.equal(result?.sent, true);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, result!.id));
    assert.ok(row?.sentAt);
    assert.equal(row.attempts, 1);
    assert.equal(row.lastError, null);
    const got = smtp.received.find((m) => m.to.includes("ada@example.test"));
    assert.ok(got, "the SMTP server received it");
    assert.match(got.raw, /Subject: Reset your password/);
    assert.match(got.raw.replace(/=\r?\n/g, ""), /secret-token-that-must-not-be-logged/);
  });

  test("a refused delivery is recorded on the row, never thrown, and retried later by deliverPending", async () => {
    const { db } = database();
    smtp.state.refuse = true;
    const result = await sendEmail(db, email("bo@example.test"), { smtpUrl: smtp.url });
    assert.equal(result?.sent, false);
    let [row] = await db.select().from(outbox).where(eq(outbox.id, result!.id));
    assert.equal(row?.sentAt, null);
    assert.equal(row?.attempts, 1);
    assert.match(row?.lastError ?? "", /Mailbox unavailable/);
    // Not retried before its time: the request that wrote it is the one sending it.
    smtp.state.refuse = false;
    assert.equal(await deliverPending(db, { smtpUrl: smtp.url }), 0);
    assert.equal(await deliverPending(db, { smtpUrl: smtp.url, now: later }), 1);
    [row] = await db.select().from(outbox).where(eq(outbox.id, result!.id));
    assert.ok(row?.sentAt);
    assert.equal(row.attempts, 2);
    assert.equal(row.lastError, null);
    assert.ok(smtp.received.some((m) => m.to.includes("bo@example.test")));
  });

  test("an SMTP server that is down leaves the email queued; it is given up after the last attempt", async () => {
    const { db } = database();
    const down = "smtp://127.0.0.1:1";
    const result = await sendEmail(db, email("cy@example.test"), { smtpUrl: down });
    assert.equal(result?.sent, false);
    for (let i = 1; i < MAX_ATTEMPTS + 2; i++) await deliverPending(db, { smtpUrl: down, now: later });
    const [row] = await db.select().from(outbox).where(eq(outbox.id, result!.id));
    assert.equal(row?.attempts, MAX_ATTEMPTS);
    assert.ok(row?.lastError);
    assert.equal(await deliverPending(db, { smtpUrl: smtp.url, now: later }), 0, "no more attempts");
  });

  test("sendEmail retries older unsent rows after its own", async () => {
    const { db } = database();
    smtp.state.refuse = true;
    const first = await sendEmail(db, email("dee@example.test"), { smtpUrl: smtp.url });
    smtp.state.refuse = false;
    const second = await sendEmail(db, email("eve@example.test"), { smtpUrl: smtp.url, now: later });
    assert.equal(second?.sent, true);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, first!.id));
    assert.ok(row?.sentAt, "the older email went out too");
  });

  test("an email the database refuses is not thrown, and its body is not logged", async () => {
    const { db } = database();
    const before = logged.length;
    const refused = { ...email("gil@example.test"), to: null as unknown as string };
    assert.equal(await sendEmail(db, refused, { smtpUrl: smtp.url }), null);
    assert.ok(logged.slice(before).some((l) => l.includes("could not be queued")));
  });

  test("without SMTP_URL the email stays queued and the log says so once, without the body", async () => {
    const { db } = database();
    const before = logged.length;
    const a = await sendEmail(db, email("fay@example.test"), { smtpUrl: null });
    const b = await sendEmail(db, email("fay@example.test"), { smtpUrl: null });
    assert.equal(a?.sent, false);
    assert.equal(b?.sent, false);
    const rows = await db.select().from(outbox).where(eq(outbox.to, "fay@example.test"));
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.sentAt === null && r.attempts === 0));
    const said = logged.slice(before).filter((l) => l.includes("SMTP_URL"));
    assert.ok(said.length <= 1, "said at most once per process");
    assert.ok(logged.some((l) => l.includes("SMTP_URL is not set")));
  });

  describe("written while a webhook's event is applied", () => {
    const saved = process.env.SMTP_URL;
    beforeEach(() => void (process.env.SMTP_URL = smtp.url));
    afterEach(() => void (saved === undefined ? delete process.env.SMTP_URL : (process.env.SMTP_URL = saved)));
    let n = 0;
    const row = () => ({
      id: `evt_mail${++n}_${Date.now()}`,
      type: "account.updated",
      kind: "snapshot" as const,
      eventCreatedAt: new Date(),
      payload: {},
      receivedAt: new Date(),
      appliedAt: new Date(),
    });
    const got = (to: string) => smtp.received.filter((m) => m.to.includes(to)).length;

    test("an email is only queued in the transaction and delivered once it commits", async () => {
      const { db } = database();
      const hal = `hal-${randomUUID()}@example.test`; // one SMTP server serves both databases' runs
      const result = await storeOnce(
        db,
        row(),
        async () => null,
        async (tx) => {
          const queued = await sendEmail(tx, email(hal));
          assert.equal(queued?.sent, false);
          assert.equal(got(hal), 0, "nothing is sent while the transaction is open");
        },
      );
      assert.equal(result.status, 200);
      assert.equal(got(hal), 1);
      const [sent] = await db.select().from(outbox).where(eq(outbox.to, hal));
      assert.ok(sent?.sentAt);
    });

    test("a rolled-back transaction sends nothing and leaves no email to send later", async () => {
      const { db } = database();
      const ida = `ida-${randomUUID()}@example.test`;
      const before = logged.length;
      const result = await storeOnce(
        db,
        row(),
        async () => null,
        async (tx) => {
          await sendEmail(tx, email(ida));
          throw new Error("a bug after the alert");
        },
      );
      assert.equal(result.body.applied, false);
      assert.ok(logged.slice(before).some((l) => l.includes("could not apply")));
      await deliverPending(db, { smtpUrl: smtp.url, now: later });
      assert.equal(got(ida), 0);
      assert.equal((await db.select().from(outbox).where(eq(outbox.to, ida))).length, 0);
    });
  });
});
