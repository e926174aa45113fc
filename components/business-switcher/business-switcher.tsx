import type { FormAction } from "@/lib/actions/form-action";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { BusinessSwitcherMenu } from "./menu";

/**
 * The header's line naming the business being worked in; for someone in two or more businesses, a
 * control to switch between them (the action checks the membership again: this list is only a view).
 */
export async function BusinessSwitcher({ action, context }: { action: FormAction<unknown>; context?: string }) {
  const viewer = await getViewer();
  const current = viewer && !viewer.user.platformRole ? await resolveBusinessContext(viewer) : null;
  if (!viewer || !current || viewer.memberships.length < 2)
    return context ? <p className="text-xs text-slate-500">{context}</p> : null;
  return (
    // Keyed by the business: after a switch the list starts closed, without the last answer.
    <BusinessSwitcherMenu
      key={current.business.id}
      action={action}
      current={{ id: current.business.id, name: current.business.legalName, role: current.role }}
      businesses={viewer.memberships.map((m) => ({ id: m.business.id, name: m.business.legalName, role: m.role }))}
    />
  );
}
