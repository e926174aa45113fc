import { parseSandboxArgs } from "./config";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  const opts = parseSandboxArgs(process.argv.slice(2));
  const sandbox = await startSandbox(opts);
  console.log(`sandbox listening on ${sandbox.url} (data in ${opts.dataDir})`);
  if (sandbox.mailbox) console.log(`sandbox mailbox (SMTP) on 127.0.0.1:${sandbox.mailbox.port}`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
