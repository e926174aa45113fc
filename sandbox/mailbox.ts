import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One email the sandbox received, as `/_sandbox/mail` shows it. */
export type ReceivedMail = { to: string[]; subject: string; text: string; received: string };

export type Mailbox = {
  port: number;
  /** Newest first; only those addressed to `to` (any case) when given. */
  list(to?: string): ReceivedMail[];
  close(): Promise<void>;
};

/** The sandbox keeps only the latest messages: it is a place to read test mail, not an archive. */
export const MAILBOX_LIMIT = 200;
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * An SMTP receiver for sandbox mode, where no real mail leaves the machine: it accepts any
 * message (no auth, no TLS) on `host` and keeps the latest in memory for tests and developers.
 */
export async function startMailbox({ port, host }: { port: number; host: string }): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(new Error("Message too large"));
        // mailparser decodes what nodemailer (or any client) encodes: MIME parts, transfer
        // encodings, RFC 2047 subjects, charsets.
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? "",
              text: (parsed.text ?? "").replace(/\r\n/g, "\n").replace(/\n$/, ""),
              received: new Date().toISOString(),
            });
            if (messages.length > MAILBOX_LIMIT) messages.splice(0, messages.length - MAILBOX_LIMIT);
            callback();
          },
          (err: unknown) => callback(err instanceof Error ? err : new Error("Unreadable message")),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A client that misbehaves must not bring the sandbox down.
  server.on("error", (err) => console.error(`sandbox mailbox: ${err.message}`));
  return {
    port: (server.server.address() as AddressInfo).port,
    list: (to) => {
      const want = to?.trim().toLowerCase();
      const found = want ? messages.filter((m) => m.to.some((a) => a.toLowerCase() === want)) : messages;
      return [...found].reverse();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
