import { test } from "node:test";
import assert from "node:assert/strict";
import { renderToString } from "react-dom/server";
import { MERCHANT_CATEGORIES } from "@/lib/rules/merchant-categories";
import { CategoryPicker } from "./category-picker";

const render = (defaultValue: string[], error?: string) =>
  renderToString(
    <CategoryPicker
      name="blockedCategories"
      label="Blocked merchant categories"
      categories={MERCHANT_CATEGORIES}
      defaultValue={defaultValue}
      error={error}
    />,
  );

test("the chosen categories post under the form's field name, one hidden field each, and show as removable chips", () => {
  const html = render(["betting_casino_gambling", "drinking_places"]);
  const posted = [...html.matchAll(/<input type="hidden" name="blockedCategories" value="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(posted, ["betting_casino_gambling", "drinking_places"]);
  assert.match(html, /Blocked merchant categories<!-- --> \(<!-- -->2<!-- -->\)/);
  assert.match(html, /aria-label="Remove Betting\/Casino Gambling \(MCC 7995\)"/);
});

test("the filter is a labelled combobox controlling a multi-select listbox, closed until used", () => {
  const html = render([]);
  assert.match(html, /<input[^>]*role="combobox"[^>]*aria-expanded="false"[^>]*aria-controls="([^"]+)"/);
  assert.match(html, /<ul[^>]*role="listbox"[^>]*aria-multiselectable="true"[^>]*hidden=""/);
  assert.equal([...html.matchAll(/role="option"/g)].length, MERCHANT_CATEGORIES.length);
  assert.doesNotMatch(html, /type="hidden"/, "nothing chosen, nothing posted");
});

test("an error is announced with the combobox, in place of the hint", () => {
  const html = render([], "Unknown merchant categories: nope");
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /data-field-error="blockedCategories"[^>]*>Unknown merchant categories: nope</);
});
