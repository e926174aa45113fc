import path from "node:path";

export type SandboxOptions = { port: number; host: string; dataDir: string };

/** Reads `--port N` / `--data-dir DIR` (or SANDBOX_PORT / DATA_DIR) with sensible defaults. */
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
  return { port, host: flag("host") ?? env.SANDBOX_HOST ?? "127.0.0.1", dataDir };
}
