/** Everything the server reads from the environment, in one place (the database's own settings are in db/config.ts). */
export type StripeMode = "sandbox" | "stripe";

/** Sandbox mode unless a Stripe secret key is configured. */
export function stripeMode(): StripeMode {
  return process.env.STRIPE_SECRET_KEY ? "stripe" : "sandbox";
}

export function sandboxPort(): number {
  return Number(process.env.SANDBOX_PORT || 12111);
}

export function sandboxUrl(): string {
  return process.env.SANDBOX_URL || `http://127.0.0.1:${sandboxPort()}`;
}

/** Where the browser reaches the sandbox (its connect.js and the embedded components' API). */
export function sandboxPublicUrl(): string {
  return process.env.SANDBOX_PUBLIC_URL || `http://127.0.0.1:${sandboxPort()}`;
}

/** The publishable key the embedded components are initialised with. */
export function publishableKey(): string {
  return stripeMode() === "stripe" ? process.env.STRIPE_PUBLISHABLE_KEY || "" : "pk_test_sandbox_issuing_console";
}

/** Where the browser gets Stripe.js for Issuing Elements: Stripe's loader, or the sandbox's stand-in (which it then uses). */
export function stripeJsSource(): { publishableKey: string; sandboxScript: string | null } {
  return {
    publishableKey: publishableKey(),
    sandboxScript: stripeMode() === "sandbox" ? `${sandboxPublicUrl()}/stripe.js` : null,
  };
}

/** The key the app uses against the sandbox; any sk_test_ key is accepted there. */
export const SANDBOX_SECRET_KEY = "sk_test_sandbox_issuing_console";

/**
 * Whether platform admins and business owners must use two-factor sign-in: REQUIRE_2FA = 1/true or
 * 0/false; by default on with real Stripe, off in the sandbox (the demo signs in with a password).
 */
export function requireTwoFactor(): boolean {
  const value = process.env.REQUIRE_2FA?.trim().toLowerCase();
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return stripeMode() === "stripe";
}

/** Where the mailer delivers (smtp://host:port, or smtps://user:pass@host); null keeps mail queued in the outbox. */
export function smtpUrl(): string | null {
  return process.env.SMTP_URL || null;
}

/** The sender of the app's emails. */
export function mailFrom(): string {
  return process.env.MAIL_FROM || "Issuing Console <no-reply@issuing-console.invalid>";
}

/** The app's own public URL when the operator set one (Auth.js reads the same variable). */
export function configuredAppUrl(): string | null {
  return process.env.AUTH_URL || process.env.NEXTAUTH_URL || null;
}
