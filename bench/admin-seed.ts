import { sql } from "drizzle-orm";
import type { Db } from "../db/connect";

/**
 * A platform with `accounts` businesses (connected accounts, one financial account, two cards
 * each) and `auths` authorizations with their real-time decisions spread over 60 days, written
 * with generate_series so seeding takes seconds, not minutes.
 */
export async function seedAdminBench(db: Db, accounts = 10_000, auths = 200_000): Promise<void> {
  await db.execute(sql`
    insert into businesses (id, legal_name, country, business_type, funding_model, stripe_account_id, financial_account_id, contact_email, created_at)
    select md5('biz' || i)::uuid,
           (array['Acme','Aurora','Northwind','Globex','Initech','Umbrella','Stark','Wayne','Hooli','Vandelay'])[1 + i % 10] || ' ' ||
           (array['Supplies','Logistics','Foods','Labs','Holdings','Traders','Studio','Partners'])[1 + (i / 10) % 8] || ' ' || i,
           case when i % 3 = 0 then 'MX' when i % 7 = 0 then 'AR' else 'US' end,
           'company',
           case when i % 3 = 0 or i % 7 = 0 then 'stablecoin' else 'treasury' end,
           'acct_bench_' || i, 'fa_bench_' || i, 'owner' || i || '@bench.test',
           now() - (i || ' minutes')::interval
    from generate_series(1, ${accounts}) i`);
  await db.execute(sql`
    insert into connected_accounts (id, business_id, api, country, email, display_name, capabilities, requirements_due, requirements_past_due, requirements_deadline, disabled_reason, details_submitted, object_created_at, source_at)
    select 'acct_bench_' || i, md5('biz' || i)::uuid, case when i % 3 = 0 then 'v2' else 'v1' end, 'US', 'owner' || i || '@bench.test', 'Business ' || i,
           case when i % 11 = 0 then '{"card_issuing":"inactive","treasury":"inactive"}'::jsonb else '{"card_issuing":"active","treasury":"active"}'::jsonb end,
           case when i % 11 = 0 then '["company.tax_id"]'::jsonb else '[]'::jsonb end,
           case when i % 53 = 0 then '["company.tax_id"]'::jsonb else '[]'::jsonb end,
           case when i % 11 = 0 then now() + interval '14 days' else null end,
           case when i % 53 = 0 then 'requirements.past_due' else null end,
           i % 11 <> 0, now(), now()
    from generate_series(1, ${accounts}) i`);
  await db.execute(sql`
    insert into financial_accounts (id, account_id, api, status, balances, object_created_at, source_at)
    select 'fa_bench_' || i, 'acct_bench_' || i, 'v1', 'open', jsonb_build_object('usd', jsonb_build_object('available', i * 100, 'inbound_pending', 0, 'outbound_pending', 0)), now(), now()
    from generate_series(1, ${accounts}) i`);
  await db.execute(sql`
    insert into cards (id, account_id, cardholder_id, type, status, last4, exp_month, exp_year, currency, object_created_at, source_at)
    select 'ic_bench_' || i, 'acct_bench_' || (1 + i % ${accounts}), 'ich_bench_' || (1 + i % ${accounts}), 'virtual', case when i % 5 = 0 then 'inactive' else 'active' end,
           lpad((i % 10000)::text, 4, '0'), 12, 2030, 'usd', now() - (i || ' seconds')::interval, now()
    from generate_series(1, ${accounts * 2}) i`);
  await db.execute(sql`
    insert into authorizations (id, account_id, card_id, amount, currency, merchant_amount, merchant_currency, merchant_name, merchant_category, merchant_country, status, approved, object_created_at, source_at)
    select 'iauth_bench_' || i, 'acct_bench_' || (1 + i % ${accounts}), 'ic_bench_' || (1 + i % ${accounts * 2}), 100 + (i * 37) % 50000, 'usd', 100 + (i * 37) % 50000, 'usd', 'Merchant ' || (i % 500),
           (array['taxicabs_limousines','eating_places_restaurants','airlines_air_carriers','betting_casino_gambling','grocery_stores_supermarkets'])[1 + i % 5],
           (array['US','MX','AR','GB'])[1 + i % 4], case when i % 9 = 0 then 'reversed' else 'closed' end, i % 13 <> 0,
           now() - ((i % 86400) * 60 || ' seconds')::interval, now()
    from generate_series(1, ${auths}) i`);
  await db.execute(sql`
    insert into authorization_decisions (event_id, authorization_id, account_id, business_id, card_id, amount, currency, merchant_category, merchant_country, approved, decided_by, rule, reason, latency_ms, created_at)
    select 'evt_bench_' || i, 'iauth_bench_' || i, 'acct_bench_' || (1 + i % ${accounts}), md5('biz' || (1 + i % ${accounts}))::uuid, 'ic_bench_' || (1 + i % ${accounts * 2}),
           100 + (i * 37) % 50000, 'usd', 'taxicabs_limousines', 'US', i % 13 <> 0,
           case when i % 13 = 0 then 'platform' else 'default' end, case when i % 13 = 0 then 'max_amount' else null end,
           case when i % 13 = 0 then 'Amount is above the maximum' else 'No rule declined' end, 1 + i % 40,
           now() - ((i % 86400) * 60 || ' seconds')::interval
    from generate_series(1, ${auths}) i`);
  await db.execute(sql`analyze`);
}
