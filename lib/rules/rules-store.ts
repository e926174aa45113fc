import type { DbOrTx } from "@/db/connect";
import {
  businessRulesRow,
  decisionSettingsRow,
  platformRulesRow,
  saveBusinessRulesRow,
  saveDecisionSettingsRow,
  savePlatformRulesRow,
  type RulesValues,
} from "@/db/queries/authorization-rules";
import { getBusinessByAccount } from "@/db/queries/businesses";
import type { AuthorizationRuleRow } from "@/db/schema";
import { EMPTY_RULES, looserThan, type RuleSet } from "./engine";

export type DecisionSettings = { fallback: "approve" | "decline"; budgetMs: number };
export const DEFAULT_SETTINGS: DecisionSettings = { fallback: "decline", budgetMs: 1200 };

export type RulesForAccount = {
  businessId: string | null;
  platform: RuleSet;
  business: RuleSet | null;
  settings: DecisionSettings;
};

export function toRuleSet(row: AuthorizationRuleRow): RuleSet {
  return {
    blockedCategories: row.blockedCategories,
    allowedCountries: row.allowedCountries ?? null,
    maxAmount: row.maxAmount ?? null,
    currency: row.currency,
    velocityPerHour: row.velocityPerHour ?? null,
    killSwitch: row.killSwitch,
  };
}

/**
 * Rules as the decision engine needs them, cached per connected account. Saving rules through
 * this module invalidates the cache at once; other app instances see a change within `ttlMs`.
 */
export class RulesCache {
  private entries = new Map<string, { at: number; value: RulesForAccount }>();
  private loading = new Map<string, { generation: number; value: Promise<RulesForAccount> }>();
  private generation = 0;
  /** The settings seen last, so a decision knows its time budget before anything is loaded. */
  lastSettings: DecisionSettings = DEFAULT_SETTINGS;
  constructor(private readonly ttlMs = 5000) {}

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  forAccount(db: DbOrTx, accountId: string | null, now = Date.now()): Promise<RulesForAccount> {
    const key = accountId ?? "";
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return Promise.resolve(hit.value);
    // Requests arriving together for an account whose entry expired share one load.
    const generation = this.generation;
    const inFlight = this.loading.get(key);
    if (inFlight && inFlight.generation === generation) return inFlight.value;
    const value = loadRules(db, accountId).then((loaded) => {
      this.lastSettings = loaded.settings;
      // A save that happened while we were loading must not be hidden by this (older) read.
      if (generation === this.generation) this.entries.set(key, { at: now, value: loaded });
      return loaded;
    });
    this.loading.set(key, { generation, value });
    const forget = () => {
      if (this.loading.get(key)?.value === value) this.loading.delete(key);
    };
    value.then(forget, forget);
    return value;
  }
}

export async function loadRules(db: DbOrTx, accountId: string | null): Promise<RulesForAccount> {
  const platformRow = await platformRulesRow(db);
  const settingsRow = await decisionSettingsRow(db);
  let businessId: string | null = null;
  let business: RuleSet | null = null;
  if (accountId) {
    const biz = await getBusinessByAccount(db, { accountId });
    businessId = biz?.id ?? null;
    if (businessId) {
      const row = await businessRulesRow(db, { businessId });
      business = row ? toRuleSet(row) : null;
    }
  }
  return {
    businessId,
    platform: platformRow ? toRuleSet(platformRow) : EMPTY_RULES,
    business,
    settings: settingsRow ? { fallback: settingsRow.fallback, budgetMs: settingsRow.budgetMs } : DEFAULT_SETTINGS,
  };
}

const globalForRules = globalThis as unknown as { issuingConsoleRules?: RulesCache };
/** The process-wide cache the webhook route uses. */
export function rulesCache(): RulesCache {
  globalForRules.issuingConsoleRules ??= new RulesCache();
  return globalForRules.issuingConsoleRules;
}

function values(rules: RuleSet, userId: string | null): RulesValues {
  return {
    blockedCategories: [...rules.blockedCategories],
    allowedCountries: rules.allowedCountries ? [...rules.allowedCountries] : null,
    maxAmount: rules.maxAmount,
    currency: rules.currency,
    velocityPerHour: rules.velocityPerHour,
    killSwitch: rules.killSwitch,
    updatedBy: userId,
    updatedAt: new Date(),
  };
}

export async function savePlatformRules(
  db: DbOrTx,
  rules: RuleSet,
  userId: string | null,
  cache = rulesCache(),
): Promise<void> {
  await savePlatformRulesRow(db, values(rules, userId));
  cache.invalidate();
}

export type SaveBusinessRulesResult = { ok: true } | { ok: false; problems: string[] };

/** Saves a business's rules, refusing any that would be looser than the platform's. */
export async function saveBusinessRules(
  db: DbOrTx,
  businessId: string,
  rules: RuleSet,
  userId: string | null,
  cache = rulesCache(),
): Promise<SaveBusinessRulesResult> {
  const { platform } = await loadRules(db, null);
  const problems = looserThan(rules, platform);
  if (problems.length) return { ok: false, problems };
  await saveBusinessRulesRow(db, { businessId, values: values(rules, userId) });
  cache.invalidate();
  return { ok: true };
}

export async function saveDecisionSettings(
  db: DbOrTx,
  settings: DecisionSettings,
  cache = rulesCache(),
): Promise<void> {
  await saveDecisionSettingsRow(db, settings);
  cache.invalidate();
}
