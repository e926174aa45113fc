import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { mustEnrol } from "@/lib/auth/two-factor/policy";
import { onboardingUrl } from "@/lib/businesses/onboarding-link";

/** Stripe sends users here when an onboarding link expired or was used: hand them a fresh one. */
export async function GET(req: Request): Promise<Response> {
  const viewer = await getViewer();
  if (viewer && mustEnrol(viewer)) return NextResponse.redirect(new URL("/account/two-factor", req.url));
  const ctx = viewer && !viewer.user.platformRole ? await resolveBusinessContext(viewer) : null;
  if (!ctx) return NextResponse.redirect(new URL(viewer ? "/onboarding" : "/sign-in", req.url));
  if (!can(ctx.role, "business.manage")) return NextResponse.redirect(new URL("/dashboard", req.url));
  try {
    return NextResponse.redirect(await onboardingUrl(ctx.business));
  } catch (err) {
    console.error("onboarding refresh failed", err);
    return NextResponse.redirect(new URL("/dashboard", req.url));
  }
}
