import nodemailer from "nodemailer";

export type Message = { from: string; to: string; subject: string; text: string };
export type Deliver = (message: Message) => Promise<void>;

// One transport per SMTP URL for the life of the process (nodemailer opens a connection per send).
const transports = new Map<string, Deliver>();

/** Sends over SMTP at `url`, failing within seconds when the server is down or silent. */
export function smtpDeliver(url: string): Deliver {
  let deliver = transports.get(url);
  if (!deliver) {
    const transport = nodemailer.createTransport({
      url,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
    });
    deliver = async (message) => {
      await transport.sendMail(message);
    };
    transports.set(url, deliver);
  }
  return deliver;
}
