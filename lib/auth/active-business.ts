import "server-only";
import { cookies, headers } from "next/headers";
import { servedOverHttps } from "@/lib/security/request";

export const ACTIVE_BUSINESS_COOKIE = "ic_business";

/** Only a preference: every request re-checks that the user belongs to the business it names. */
export async function rememberActiveBusiness(businessId: string): Promise<void> {
  (await cookies()).set(ACTIVE_BUSINESS_COOKIE, businessId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: servedOverHttps(await headers()),
    maxAge: 365 * 24 * 60 * 60,
  });
}
