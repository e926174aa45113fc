import path from "node:path";

export type SandboxOptions = {
  port: number;
  host: string;
  dataDir: string;
  /** The app's webhook URL, registered at start-up for every event (Connect and platform). */
  webhookUrl?: string;
  /** The `whsec_…` secret that start-up endpoint's deliveries are signed with. */
  webhookSecret?: string;
  /** Real-time authorization endpoint (default: the webhook URL); `off` disables real-time decisions. */
  rtaUrl?: string;
  /** Its signing secret (default: the webhook secret). */
  rtaSecret?: string;
};

/**
 * Reads `--port N`, `--data-dir DIR`, `--host H`, `--webhook-url U`, `--webhook-secret S`
 * `--rta-url U`, `--rta-secret S` (or SANDBOX_PORT, DATA_DIR, SANDBOX_HOST, SANDBOX_WEBHOOK_URL,
 * STRIPE_WEBHOOK_SECRET, SANDBOX_RTA_URL, SANDBOX_RTA_SECRET).
 */
export function parseSandboxArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): SandboxOptions {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const inline = argv.find((a) => a.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  };
  const portText = flag("port") ?? env.SANDBOX_PORT ?? "12111";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portText}`);
  const dataDir = path.resolve(flag("data-dir") ?? path.join(env.DATA_DIR || ".data", "sandbox"));
  const webhookUrl = flag("webhook-url") ?? (env.SANDBOX_WEBHOOK_URL || undefined);
  const webhookSecret = flag("webhook-secret") ?? (env.STRIPE_WEBHOOK_SECRET || undefined);
  if (webhookUrl && !/^https?:\/\//.test(webhookUrl)) throw new Error(`invalid webhook URL: ${webhookUrl}`);
  if (webhookUrl && !webhookSecret) throw new Error("--webhook-url needs --webhook-secret (or STRIPE_WEBHOOK_SECRET)");
  const rtaUrl = flag("rta-url") ?? (env.SANDBOX_RTA_URL || undefined);
  const rtaSecret = flag("rta-secret") ?? (env.SANDBOX_RTA_SECRET || undefined);
  if (rtaUrl && rtaUrl !== "off" && !/^https?:\/\//.test(rtaUrl)) throw new Error(`invalid RTA URL: ${rtaUrl}`);
  return { port, host: flag("host") ?? env.SANDBOX_HOST ?? "127.0.0.1", dataDir, webhookUrl, webhookSecret, rtaUrl, rtaSecret };
}
