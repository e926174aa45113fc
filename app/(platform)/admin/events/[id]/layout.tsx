import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getEvent } from "@/db/queries/events";
import { requirePlatformPage } from "@/lib/auth/session";

/**
 * Decides "no such event" before the page streams behind its loading state: once streaming has
 * begun the status is already 200, so an unknown id would show the 404 page with HTTP 200.
 */
export default async function EventLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requirePlatformPage("platform.events.view");
  const { id } = await params;
  if (!(await getEvent(getDb(), { eventId: decodeURIComponent(id) }))) notFound();
  return children;
}
