import { test } from "node:test";
import assert from "node:assert/strict";
import { suggestCategory, DEFAULT_CATEGORIES } from "./default-categories";
import { monthRange, parseDay, validateExportRange } from "./export-range";

const NOW = new Date("2026-12-07T10:00:00Z");

test("impossible days are not days", () => {
  assert.equal(parseDay("2026-02-30"), null);
  assert.equal(parseDay("2026-13-01"), null);
  assert.equal(parseDay("26-01-01"), null);
  assert.equal(parseDay("2024-02-29")?.toISOString(), "2024-02-29T00:00:00.000Z");
  assert.deepEqual(monthRange("2026-02"), { from: "2026-02-01", to: "2026-02-28" });
});

test("a valid range gives whole UTC days with an exclusive end", () => {
  const r = validateExportRange({ from: "2026-11-01", to: "2026-11-30", format: "xero" }, NOW);
  assert.ok(r.ok);
  assert.equal(r.start.toISOString(), "2026-11-01T00:00:00.000Z");
  assert.equal(r.end.toISOString(), "2026-12-01T00:00:00.000Z");
  const month = validateExportRange({ month: "2026-12", format: "quickbooks" }, NOW);
  assert.ok(month.ok);
  assert.deepEqual(month.range, { from: "2026-12-01", to: "2026-12-07" }, "this month runs to today");
});

test("invalid ranges name the field to fix", () => {
  const errors = (p: Record<string, string>) => {
    const r = validateExportRange({ format: "quickbooks", ...p }, NOW);
    assert.equal(r.ok, false, JSON.stringify(p));
    return r.ok ? {} : r.fields;
  };
  assert.match(errors({ from: "2026-02-30", to: "2026-03-01" }).from!, /doesn't exist/);
  assert.match(errors({ from: "2026-11-10", to: "2026-11-01" }).to!, /on or after/);
  assert.match(errors({ from: "2026-12-01", to: "2026-12-08" }).to!, /after today/);
  assert.match(errors({ from: "2025-01-01", to: "2026-01-01" }).to!, /12 months/);
  assert.match(errors({ from: "", to: "2026-01-01" }).from!, /first day/);
  assert.match(errors({ month: "2026-13" }).month!, /month/);
  assert.ok(validateExportRange({ from: "2025-01-01", to: "2025-12-31", format: "xero" }, NOW).ok, "12 months is fine");
  const noFormat = validateExportRange({ from: "2026-11-01", to: "2026-11-02", format: "csv" }, NOW);
  assert.ok(!noFormat.ok && noFormat.fields.format);
});

test("a purchase's merchant category suggests the first active category listing it", () => {
  const cats = DEFAULT_CATEGORIES.map((c, i) => ({ ...c, id: String(i), archived: false }));
  assert.equal(suggestCategory(cats, "fast_food_restaurants")?.name, "Meals");
  assert.equal(suggestCategory(cats, "airlines_air_carriers")?.name, "Travel");
  assert.equal(suggestCategory(cats, "service_stations")?.name, "Fuel");
  assert.equal(suggestCategory(cats, "computer_software_stores")?.name, "Software");
  assert.equal(suggestCategory(cats, "veterinary_services"), null);
  assert.equal(suggestCategory(cats, null), null);
  const archived = cats.map((c) => (c.name === "Meals" ? { ...c, archived: true } : c));
  assert.equal(suggestCategory(archived, "fast_food_restaurants"), null, "an archived category suggests nothing");
});

test("the default categories name only Stripe's merchant categories", async () => {
  const { isMerchantCategory } = await import("@/lib/rules/merchant-categories");
  for (const c of DEFAULT_CATEGORIES) for (const m of c.merchantCategories) assert.ok(isMerchantCategory(m), m);
});
