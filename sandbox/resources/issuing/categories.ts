import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Stripe's 295 Issuing merchant categories and their MCC codes, from the data file beside
 * this module (a copy of the project's reference list, so a clone without it still runs).
 */
const rows = readFileSync(path.join(import.meta.dirname, "merchant-categories.tsv"), "utf8")
  .split("\n")
  .map((line) => line.trim().split("\t"))
  .filter((cols): cols is [string, string] => cols.length === 2 && !!cols[0] && !!cols[1]);

export const CATEGORY_MCC = new Map(rows.map(([category, mcc]) => [category, mcc]));
const MCC_CATEGORY = new Map(rows.map(([category, mcc]) => [mcc, category]));
export const CATEGORIES: readonly string[] = rows.map(([c]) => c);

export const isCategory = (c: string) => CATEGORY_MCC.has(c);
export const categoryOfMcc = (mcc: string) => MCC_CATEGORY.get(mcc);
