import type Stripe from "stripe";
import { completeIndividual, customAccountParams } from "../../test-helpers";
import { treasuryAccount } from "../../resources/treasury/fixtures";
import { onboardingLink, stablecoinAccount, storerCapabilities } from "../../resources/money-management/fixtures";
import type { Obj, W } from "./workload";

/** Connect: webhook endpoints, v1 accounts and capabilities, account links and sessions, v2 accounts. */
export async function connectWorkload(w: W): Promise<{ treasury: string }> {
  const { stripe } = w;
  // Two endpoints at the receiver (Connect and platform events); a third to update and delete.
  await stripe.webhookEndpoints.create({
    url: w.hookUrl,
    enabled_events: ["*"],
    connect: true,
    description: "conformance (connect)",
  });
  const own = await stripe.webhookEndpoints.create({
    url: w.hookUrl,
    enabled_events: ["*"],
    description: "conformance (platform)",
  });
  await stripe.webhookEndpoints.retrieve(own.id);
  const spare = await stripe.webhookEndpoints.create({
    url: "https://example.com/spare",
    enabled_events: ["account.updated"],
    metadata: { a: "b" },
  });
  await stripe.webhookEndpoints.update(spare.id, {
    description: "spare",
    enabled_events: ["account.updated", "capability.updated"],
    disabled: true,
  });
  await stripe.webhookEndpoints.list({ limit: 2 });
  await stripe.webhookEndpoints.del(spare.id);
  // Event destinations: a snapshot one (platform and connected accounts) at the receiver, a thin one to ping and delete.
  const snap = await w.v2("POST", "/v2/core/event_destinations", {
    name: "conformance (snapshot)",
    type: "webhook_endpoint",
    event_payload: "snapshot",
    events_from: ["self", "other_accounts"],
    snapshot_api_version: "2026-10-28.endive",
    enabled_events: ["account.updated", "capability.updated"],
    webhook_endpoint: { url: w.hookUrl },
    include: ["webhook_endpoint.signing_secret", "webhook_endpoint.url"],
  });
  await w.v2("GET", `/v2/core/event_destinations/${snap.id}?include[0]=webhook_endpoint.url`);
  await w.v2("POST", `/v2/core/event_destinations/${snap.id}`, {
    enabled_events: ["account.updated", "capability.updated", "issuing_card.created"],
    include: ["webhook_endpoint.url"],
  });
  const thin = await w.v2("POST", "/v2/core/event_destinations", {
    name: "conformance (thin)",
    type: "webhook_endpoint",
    event_payload: "thin",
    enabled_events: ["v2.core.account.updated"],
    webhook_endpoint: { url: w.hookUrl },
  });
  await w.v2("POST", `/v2/core/event_destinations/${thin.id}/ping`);
  await w.v2("POST", `/v2/core/event_destinations/${thin.id}/disable`);
  await w.v2("POST", `/v2/core/event_destinations/${thin.id}/enable`);
  await w.v2("GET", "/v2/core/event_destinations?limit=1");
  await stripe.rawRequest("DELETE", `/v2/core/event_destinations/${thin.id}`, {}, { apiVersion: "2025-12-15.preview" });

  await stripe.accounts.retrieveCurrent();
  const acct = { id: await treasuryAccount(stripe) };
  await stripe.accounts.retrieve(acct.id, { expand: ["external_accounts"] });
  await stripe.accounts.update(acct.id, { metadata: { tier: "gold" }, business_profile: { name: "Rocket Rides" } });
  await stripe.accounts.listCapabilities(acct.id, { expand: ["data.account"] });
  await stripe.accounts.retrieveCapability(acct.id, "card_issuing", { expand: ["account"] });
  await stripe.accounts.updateCapability(acct.id, "us_bank_account_ach_payments", { requested: true });
  await stripe.accountLinks.create({
    account: acct.id,
    type: "account_onboarding",
    refresh_url: "https://example.com/refresh",
    return_url: "https://example.com/return",
  });
  await stripe.accountSessions.create({
    account: acct.id,
    components: {
      financial_account: { enabled: true },
      issuing_cards_list: { enabled: true, features: { card_management: true } },
      account_onboarding: { enabled: true },
    },
  });
  // An account whose verification fails (restricted capabilities, `rejected.other`), an Express one, one deleted.
  const rejected = await stripe.accounts.create(customAccountParams);
  await w.control(`/_sandbox/accounts/${rejected.id}/kyc`, { outcome: "reject" });
  await stripe.accounts.update(rejected.id, completeIndividual);
  await stripe.accounts.retrieve(rejected.id);
  const express = await stripe.accounts.create({
    type: "express",
    country: "US",
    capabilities: { transfers: { requested: true } },
  });
  await stripe.accounts.del(express.id);
  await stripe.accounts.list({ limit: 3 });

  // v2 accounts: a US merchant, the guide's MX stablecoin account with every include, one closed.
  const merchant = await w.v2("POST", "/v2/core/accounts", {
    display_name: "Corner Shop",
    contact_email: "shop@example.com",
    configuration: { merchant: { capabilities: { card_payments: { requested: true } } } },
    include: ["configuration.merchant", "defaults", "identity", "requirements"],
  });
  await w.v2("POST", `/v2/core/accounts/${merchant.id}`, {
    display_name: "Corner Shop LLC",
    metadata: { k: "v" },
    include: ["configuration.merchant"],
  });
  const mx = await stablecoinAccount(stripe, "Ana");
  const all =
    "include[0]=configuration.merchant&include[1]=configuration.storer&include[2]=configuration.card_creator&include[3]=configuration.recipient&include[4]=configuration.customer&include[5]=defaults&include[6]=identity&include[7]=requirements";
  await w.v2("GET", `/v2/core/accounts/${mx}?${all}`);
  await w.v2("GET", `/v2/core/accounts/${mx}`);
  await w.v2("POST", "/v2/core/account_links", onboardingLink(mx));
  const bare = await w.v2("POST", "/v2/core/accounts", {
    display_name: "Tienda Nueva",
    identity: { country: "mx", entity_type: "company" },
    configuration: { storer: { capabilities: storerCapabilities } },
    include: ["configuration.storer", "requirements", "identity"],
  });
  await w.v2("POST", `/v2/core/accounts/${bare.id}/close`, { applied_configurations: ["storer"] });
  await w.v2("GET", "/v2/core/accounts?limit=2");
  const page = await w.v2("GET", "/v2/core/accounts?limit=1");
  if (page.next_page_url) await w.v2("GET", String(page.next_page_url));
  return { treasury: acct.id };
}

/** Every v1 event (platform and each connected account) and every v2 event, listed and retrieved. */
export async function eventsWorkload(w: W, accounts: string[]): Promise<void> {
  const { stripe } = w;
  for (const account of [null, ...accounts]) {
    const opts = account ? { stripeAccount: account } : {};
    const ids: string[] = [];
    await stripe.events.list({ limit: 100 }, opts).autoPagingEach((e: Stripe.Event) => void ids.push(e.id));
    for (const id of ids.slice(0, 5)) await stripe.events.retrieve(id, {}, opts);
  }
  for (const context of [undefined, ...accounts]) {
    let url: string | null = "/v2/core/events?limit=50";
    const ids: string[] = [];
    while (url) {
      const page: Obj = await w.v2("GET", url, {}, context);
      ids.push(...(page.data as Obj[]).map((e) => String(e.id)));
      url = page.next_page_url as string | null;
    }
    for (const id of ids.slice(0, 8)) await w.v2("GET", `/v2/core/events/${id}`, {}, context);
    if (ids[0]) await w.v2("GET", `/v2/core/events/${ids[0]}?include[0]=reason.request.client`, {}, context);
  }
}
