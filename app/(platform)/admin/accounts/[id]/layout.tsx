import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getBusiness } from "@/db/queries/businesses";
import { requirePlatformPage } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";

/**
 * Decides "no such account" before the page streams behind its loading state: once streaming has
 * begun the status is already 200, so an unknown id would show the 404 page with HTTP 200.
 */
export default async function AccountReviewLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requirePlatformPage("platform.accounts.view");
  const { id } = await params;
  if (!isUuid(id) || !(await getBusiness(getDb(), { businessId: id }))) notFound();
  return children;
}
