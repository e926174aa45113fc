import { requireBusinessPage } from "@/lib/auth/session";

/** The permission is checked outside the page's loading boundary (see the activity layout). */
export default async function DisputesLayout({ children }: { children: React.ReactNode }) {
  await requireBusinessPage("cards.view");
  return children;
}
