import { requireBusinessPage } from "@/lib/auth/session";

/**
 * The permission is checked here, outside the page's loading boundary: once the loading state
 * streams the status is sent, and a refusal inside it would be a 403 page answered with 200.
 */
export default async function ActivityLayout({ children }: { children: React.ReactNode }) {
  await requireBusinessPage("activity.view");
  return children;
}
