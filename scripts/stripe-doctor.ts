// `npm run stripe:doctor [-- --app-url https://console.example.com]`: checks the Stripe configuration
// in the environment (and .env.local) against what the app needs, prints what to fix, and exits 1
// when a check fails. STRIPE_API_BASE points it at another API (the sandbox, in the tests).
import { existsSync } from "node:fs";
import { failed, formatReport, runDoctor } from "../lib/stripe/doctor";

async function main(): Promise<void> {
  if (existsSync(".env.local")) process.loadEnvFile(".env.local");
  const i = process.argv.indexOf("--app-url");
  const appUrl = i >= 0 ? process.argv[i + 1] : undefined;
  if (i >= 0 && !appUrl) throw new Error("--app-url needs the app's public base URL");
  if (appUrl) new URL(appUrl);
  console.log(
    `Checking the Stripe configuration${process.env.STRIPE_API_BASE ? ` at ${process.env.STRIPE_API_BASE}` : ""}…\n`,
  );
  const checks = await runDoctor(process.env, { appUrl });
  console.log(formatReport(checks));
  process.exitCode = failed(checks).length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(`stripe:doctor: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
