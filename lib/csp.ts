/**
 * The Content Security Policy for pages: scripts only from this app (with the request's nonce)
 * and from the connect.js origin of the current mode (and Stripe.js in stripe mode); nothing else.
 */
export const STRIPE_CONNECT_JS_URL = "https://connect-js.stripe.com/v1.0/connect.js";

export function connectJsOrigin(mode: "sandbox" | "stripe", sandboxPublicUrl: string): string {
  return mode === "stripe" ? new URL(STRIPE_CONNECT_JS_URL).origin : new URL(sandboxPublicUrl).origin;
}

export function contentSecurityPolicy(opts: {
  nonce: string;
  mode: "sandbox" | "stripe";
  sandboxPublicUrl: string;
  dev: boolean;
}): string {
  const connectOrigin = connectJsOrigin(opts.mode, opts.sandboxPublicUrl);
  // Stripe's components talk to Stripe's APIs and frame Stripe's pages; the sandbox's talk to it.
  const apiOrigins =
    opts.mode === "stripe"
      ? ["https://api.stripe.com", "https://connect-js.stripe.com", "https://b.stripecdn.com"]
      : [connectOrigin];
  const frames = opts.mode === "stripe" ? ["https://connect-js.stripe.com", "https://js.stripe.com"] : [connectOrigin];
  const directives = [
    "default-src 'self'",
    // Stripe mode also loads Stripe.js (Issuing Elements show card details); the sandbox serves its stand-in.
    `script-src 'self' 'nonce-${opts.nonce}' ${connectOrigin}${opts.mode === "stripe" ? " https://js.stripe.com" : ""}${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles: Tailwind's runtime-free CSS is a file, but React and the components set style attributes.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${opts.mode === "stripe" ? " https://*.stripe.com" : ` ${connectOrigin}`}`,
    "font-src 'self' data:",
    `connect-src 'self' ${apiOrigins.join(" ")}`,
    `frame-src ${frames.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' " + (opts.mode === "stripe" ? "https://connect.stripe.com" : connectOrigin),
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}
