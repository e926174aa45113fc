import type { AddressInfo } from "node:net";
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

/** RFC 2047 encoded words (`=?utf-8?Q?…?=`, `=?utf-8?B?…?=`), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  // A literal % is escaped first, so only the =XX escapes become bytes.
  const bytes = text
    .replace(/%/g, "%25")
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_all, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes);
  } catch {
    return text;
  }
}

/** Headers (unfolded, lower-cased names) and the decoded body of a single-part text message. */
export function parseMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, text: text.replace(/\r\n/g, "\n").replace(/\n$/, "") };
}

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
        const { headers, text } = parseMessage(Buffer.concat(chunks).toString("utf8"));
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(headers.get("subject") ?? ""),
          text,
          received: new Date().toISOString(),
        });
        if (messages.length > MAILBOX_LIMIT) messages.splice(0, messages.length - MAILBOX_LIMIT);
        callback();
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
