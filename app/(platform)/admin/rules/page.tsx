import type { Metadata } from "next";
import { DecisionLog, DecisionStatsPanel } from "@/components/admin/decision-stats";
import { RulesEditor } from "@/components/admin/rules-editor";
import { getDb } from "@/db";
import { decisionLog, decisionStats } from "@/db/queries/authorization-decisions";
import { MERCHANT_CATEGORIES } from "@/lib/rules/merchant-categories";
import { requirePlatformPage } from "@/lib/auth/session";
import { loadRules } from "@/lib/rules/rules-store";
import { previewRulesAction, saveRulesAction } from "./actions";

export const metadata: Metadata = { title: "Authorization rules" };

export default async function RulesPage() {
  await requirePlatformPage("platform.rules.manage");
  const db = getDb();
  const [{ platform }, stats, log] = await Promise.all([
    loadRules(db, null),
    decisionStats(db, 30),
    decisionLog(db, 50),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Authorization rules</h1>
      <p className="text-sm text-slate-600">
        Platform-wide rules apply to every card before a business&apos;s own rules; a business can only be stricter.
      </p>
      <RulesEditor
        rules={platform}
        categories={MERCHANT_CATEGORIES}
        preview={previewRulesAction}
        save={saveRulesAction}
      />
      <DecisionStatsPanel stats={stats} />
      <DecisionLog rows={log} />
    </div>
  );
}
