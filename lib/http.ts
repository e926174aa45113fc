import "server-only";
import { headers } from "next/headers";
import { configuredAppUrl } from "@/lib/config";

/** The origin the browser used to reach the app (for return URLs handed to Stripe). */
export async function appOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

let warnedNoAppUrl = false;

/**
 * The app's address for links sent by email. AUTH_URL when set: a Host header can be forged, and
 * a link to the forger's host would hand them the secret. Without it, the request's origin.
 */
export async function publicBaseUrl(): Promise<string> {
  const configured = configuredAppUrl();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // not a URL: fall through to the request's origin
    }
  }
  if (!warnedNoAppUrl && process.env.NODE_ENV === "production") {
    warnedNoAppUrl = true;
    console.warn("AUTH_URL is not set: links in emails use the host each request names; set it to the app's URL");
  }
  return appOrigin();
}
