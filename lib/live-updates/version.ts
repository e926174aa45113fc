import "server-only";
import type { DbOrTx } from "@/db/connect";
import { moneyEventsVersion } from "@/db/queries/money-events";
import type { Business } from "@/db/schema";

/** What the page's poller compares against: read before the page's money, so nothing lands unnoticed between. */
export async function moneyVersion(db: DbOrTx, business: Pick<Business, "stripeAccountId">): Promise<string> {
  return business.stripeAccountId ? moneyEventsVersion(db, { accountId: business.stripeAccountId }) : "none";
}
