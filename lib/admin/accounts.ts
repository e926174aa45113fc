import type { DbOrTx } from "@/db/connect";
import { listAdminAccountRecords, type AdminAccountRecord, type AccountsQuery } from "@/db/queries/businesses-list";
import { accountState, type AccountState } from "./account-state";

export type AdminAccountRow = AdminAccountRecord & { state: AccountState };

export type AdminAccountsPage = { rows: AdminAccountRow[]; total: number; page: number; pageCount: number };

/** One page of the admin accounts table, each row with where its account stands. */
export async function listAdminAccounts(db: DbOrTx, f: AccountsQuery, now = new Date()): Promise<AdminAccountsPage> {
  const page = await listAdminAccountRecords(db, f, now);
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, state: accountState({ ...r, hasAccount: !!r.accountId }) })),
  };
}
