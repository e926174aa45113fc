import path from "node:path";

/** A receiver registered at start-up: its URL, and optionally the secret it signs with (else one is generated, as Stripe does). */
export type StartupReceiver = { url: string; secret?: string };

export type SandboxOptions = {
  port: number;
  host: string;
  dataDir: string;
  /** The real-time authorization endpoint (what Stripe's Issuing settings hold). */
  rta?: StartupReceiver;
  /** A snapshot event destination for the v1 events of the platform and its connected accounts. */
  snapshot?: StartupReceiver;
  /** A thin event destination for the v2 events of the platform and its connected accounts. */
  thin?: StartupReceiver;
  /** The port of the local mailbox (an SMTP receiver for the app's mail); none when undefined. */
  smtpPort?: number;
};

/**
 * Reads `--port N`, `--data-dir DIR`, `--host H` and the three start-up receivers,
 * `--rta-url U --rta-secret S`, `--snapshot-url U --snapshot-secret S`, `--thin-url U --thin-secret S`
 * (or SANDBOX_PORT, DATA_DIR, SANDBOX_HOST, SANDBOX_RTA_URL, SANDBOX_RTA_SECRET,
 * SANDBOX_SNAPSHOT_URL, SANDBOX_SNAPSHOT_SECRET, SANDBOX_THIN_URL, SANDBOX_THIN_SECRET), and the
 * mailbox's `--smtp-port N` (SANDBOX_SMTP_PORT, default 12125; `off` for none).
 */
export function parseSandboxArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): SandboxOptions {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const inline = argv.find((a) => a.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  };
  if (flag("webhook-url") !== undefined || env.SANDBOX_WEBHOOK_URL) {
    throw new Error(
      "--webhook-url (SANDBOX_WEBHOOK_URL) is gone: Stripe sends v1 and v2 events to different receivers; use --snapshot-url and --thin-url (and --rta-url for real-time authorizations)",
    );
  }
  const portText = flag("port") ?? env.SANDBOX_PORT ?? "12111";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portText}`);
  const dataDir = path.resolve(flag("data-dir") ?? path.join(env.DATA_DIR || ".data", "sandbox"));
  const receiver = (name: "rta" | "snapshot" | "thin", label: string): StartupReceiver | undefined => {
    const envName = `SANDBOX_${name.toUpperCase()}`;
    const url = flag(`${name}-url`) ?? (env[`${envName}_URL`] || undefined);
    const secret = flag(`${name}-secret`) ?? (env[`${envName}_SECRET`] || undefined);
    if (!url || url === "off") {
      if (secret) throw new Error(`--${name}-secret needs --${name}-url`);
      return undefined;
    }
    if (!/^https?:\/\//.test(url)) throw new Error(`invalid ${label} URL: ${url}`);
    if (secret !== undefined && !/^whsec_\S{8,}$/.test(secret))
      throw new Error(`the ${label} secret must look like whsec_… (8 characters or more after the prefix)`);
    return { url, ...(secret ? { secret } : {}) };
  };
  const smtpText = flag("smtp-port") ?? (env.SANDBOX_SMTP_PORT || "12125");
  const smtpPort = smtpText === "off" ? undefined : Number(smtpText);
  if (smtpPort !== undefined && (!Number.isInteger(smtpPort) || smtpPort < 0 || smtpPort > 65535))
    throw new Error(`invalid SMTP port: ${smtpText}`);
  return {
    port,
    smtpPort,
    host: flag("host") ?? env.SANDBOX_HOST ?? "127.0.0.1",
    dataDir,
    rta: receiver("rta", "real-time authorization"),
    snapshot: receiver("snapshot", "snapshot destination"),
    thin: receiver("thin", "thin destination"),
  };
}
