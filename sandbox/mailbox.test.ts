import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { parseSandboxArgs } from "./config";
import { MAILBOX_LIMIT } from "./mailbox";
import { startSandbox } from "./server";

test("the mailbox port comes from --smtp-port, then SANDBOX_SMTP_PORT, else 12125; off turns it off", () => {
  assert.equal(parseSandboxArgs([], {}).smtpPort, 12125);
  assert.equal(parseSandboxArgs([], { SANDBOX_SMTP_PORT: "2525" }).smtpPort, 2525);
  assert.equal(parseSandboxArgs(["--smtp-port", "0"], { SANDBOX_SMTP_PORT: "2525" }).smtpPort, 0);
  assert.equal(parseSandboxArgs(["--smtp-port=off"], {}).smtpPort, undefined);
  assert.throws(() => parseSandboxArgs(["--smtp-port", "nope"], {}), /invalid SMTP port/);
});

test("quoted-printable bodies and encoded subjects are decoded; a literal % is left alone", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-mail-"));
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", dataDir, smtpPort: 0 });
  try {
    // A raw message as another client might write it, not as nodemailer would.
    const raw = [
      "From: app@console.test",
      "To: qp@example.test",
      "Subject: =?UTF-8?Q?R=C3=A9initialiser?=",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "https://app.test/reset-password/abc%2Fdef=3D=3D and a long line that was soft-=",
      "wrapped: caf=C3=A9",
    ].join("\r\n");
    const transport = nodemailer.createTransport({ url: `smtp://127.0.0.1:${sandbox.mailbox!.port}` });
    await transport.sendMail({ envelope: { from: "app@console.test", to: ["qp@example.test"] }, raw });
    const [mail] = sandbox.mailbox!.list("qp@example.test");
    assert.equal(mail?.subject, "Réinitialiser");
    assert.equal(mail?.text, "https://app.test/reset-password/abc%2Fdef== and a long line that was soft-wrapped: café");
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("mail sent over SMTP is listed by /_sandbox/mail, newest first, and filtered by ?to=", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-mail-"));
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", dataDir, smtpPort: 0 });
  try {
    assert.ok(sandbox.mailbox);
    const transport = nodemailer.createTransport({ url: `smtp://127.0.0.1:${sandbox.mailbox.port}` });
    const link = `https://console.test/reset-password/${"x".repeat(43)}?a=1&b=%2F`;
    await transport.sendMail({
      from: "app@console.test",
      to: "Ada@Example.test",
      subject: "Réinitialiser",
      text: link,
    });
    await transport.sendMail({ from: "app@console.test", to: "bo@example.test", subject: "Second", text: "hello\n" });
    const all = (await (await fetch(`${sandbox.url}/_sandbox/mail`)).json()) as {
      data: Array<Record<string, unknown>>;
    };
    assert.deepEqual(
      all.data.map((m) => m.subject),
      ["Second", "Réinitialiser"],
    );
    const ada = (await (await fetch(`${sandbox.url}/_sandbox/mail?to=ada%40example.test`)).json()) as {
      data: Array<{ to: string[]; subject: string; text: string; received: string }>;
    };
    assert.equal(ada.data.length, 1);
    // nodemailer lower-cases the domain; the filter ignores case anyway.
    assert.deepEqual(ada.data[0]!.to, ["Ada@example.test"]);
    assert.equal(ada.data[0]!.text, link);
    assert.ok(!Number.isNaN(Date.parse(ada.data[0]!.received)));
    const none = (await (await fetch(`${sandbox.url}/_sandbox/mail?to=nobody@example.test`)).json()) as {
      data: unknown[];
    };
    assert.deepEqual(none.data, []);
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test(`only the latest ${MAILBOX_LIMIT} messages are kept`, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-mail-"));
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", dataDir, smtpPort: 0 });
  try {
    const transport = nodemailer.createTransport({
      url: `smtp://127.0.0.1:${sandbox.mailbox!.port}`,
      pool: true,
      maxConnections: 8,
    });
    const send = (subject: string) =>
      transport.sendMail({ from: "app@console.test", to: "many@example.test", subject, text: "." });
    // Five old messages first, then a full mailbox's worth side by side (one at a time took half a minute).
    for (let i = 0; i < 5; i++) await send(`old${i}`);
    await Promise.all(Array.from({ length: MAILBOX_LIMIT }, (_, i) => send(`new${i}`)));
    transport.close();
    const subjects = sandbox.mailbox!.list().map((m) => m.subject);
    assert.equal(subjects.length, MAILBOX_LIMIT);
    assert.deepEqual(
      [...subjects].sort(),
      Array.from({ length: MAILBOX_LIMIT }, (_, i) => `new${i}`).sort(),
      "the five oldest are the ones dropped",
    );
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("a sandbox whose mailbox port is taken still starts, without a mailbox", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-mail-"));
  const first = await startSandbox({ port: 0, host: "127.0.0.1", dataDir: path.join(dataDir, "a"), smtpPort: 0 });
  const second = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    dataDir: path.join(dataDir, "b"),
    smtpPort: first.mailbox!.port,
  });
  try {
    assert.equal(second.mailbox, null);
    assert.equal((await fetch(`${second.url}/_sandbox/mail`)).status, 404);
  } finally {
    await second.close();
    await first.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
