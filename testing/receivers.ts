import type Stripe from "stripe";
import { openDatabase, type Database } from "@/db/connect";
import type { ReceiverKind } from "@/lib/events/receivers";
import { receiverServer, type ReceiverSecrets } from "@/lib/events/receiver-server";
import { RulesCache } from "@/lib/rules/rules-store";
import { STRIPE_RETRIES } from "@/lib/stripe/options";
import { sandboxClient, startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";

export {
  kindOfPath,
  receive,
  receiverServer,
  type ReceiverSecrets,
  type ReceiverServer,
} from "@/lib/events/receiver-server";

/** Three distinct secrets, as Stripe would give three receivers. */
export function receiverSecrets(label: string): ReceiverSecrets {
  return {
    authorizations: `whsec_${label}_authorizations`,
    snapshot: `whsec_${label}_snapshot`,
    thin: `whsec_${label}_thin`,
  };
}

/** The sandbox's start-up flags (as environment) that register these receivers, each with its secret. */
export function sandboxReceiverEnv(
  urls: Partial<Record<ReceiverKind, string>>,
  secrets: ReceiverSecrets,
): Record<string, string> {
  const env: Record<string, string> = {};
  if (urls.authorizations)
    Object.assign(env, { SANDBOX_RTA_URL: urls.authorizations, SANDBOX_RTA_SECRET: secrets.authorizations });
  if (urls.snapshot)
    Object.assign(env, { SANDBOX_SNAPSHOT_URL: urls.snapshot, SANDBOX_SNAPSHOT_SECRET: secrets.snapshot });
  if (urls.thin) Object.assign(env, { SANDBOX_THIN_URL: urls.thin, SANDBOX_THIN_SECRET: secrets.thin });
  return env;
}

export type DeliveringSandbox = {
  database: Database;
  sandbox: SandboxProcess;
  /**
   * The client the app's own code gets (the receivers, and a test's provisioning): the app's retries,
   * so a 409 for a request already in flight with the same idempotency key (the seed and an event
   * both provisioning one business) is retried as in the app, not a test failure.
   */
  appStripe: Stripe;
  stop(): Promise<void>;
};

/**
 * The whole event loop without Next.js: a fresh in-memory database, the app's receivers on it and
 * a sandbox that delivers to them (retrying after 100 ms). `stop()` ends all three.
 */
export async function deliveringSandbox(
  label: string,
  opts: Pick<Parameters<typeof receiverServer>[0], "intercept"> & {
    rules?: RulesCache;
    env?: Record<string, string>;
  } = {},
): Promise<DeliveringSandbox> {
  const database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  const secrets = receiverSecrets(label);
  let appStripe: Stripe | null = null;
  const receivers = await receiverServer({
    db: database.db,
    stripe: () => appStripe!,
    secrets,
    rules: opts.rules ?? new RulesCache(0),
    intercept: opts.intercept,
  });
  const sandbox = await startSandboxProcess({
    ...sandboxReceiverEnv(receivers.urls, secrets),
    SANDBOX_WEBHOOK_RETRY_BASE_MS: "100",
    ...opts.env,
  });
  appStripe = sandboxClient(sandbox.url, { maxNetworkRetries: STRIPE_RETRIES });
  return {
    database,
    sandbox,
    appStripe,
    async stop() {
      await sandbox.stop();
      await receivers.close();
      await database.close();
    },
  };
}
