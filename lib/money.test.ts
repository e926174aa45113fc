import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDecimal, formatMoney, parseMoney } from "./money";

test("parses decimal strings into integer minor units without float error", () => {
  assert.deepEqual(parseMoney("12.5", "usd"), { ok: true, amount: 1250 });
  assert.deepEqual(parseMoney("0.29", "usd"), { ok: true, amount: 29 });
  assert.deepEqual(parseMoney("1,234.56", "usd"), { ok: true, amount: 123456 });
  assert.deepEqual(parseMoney(" 7 ", "usdc"), { ok: true, amount: 700 });
  assert.deepEqual(parseMoney("500", "jpy"), { ok: true, amount: 500 });
});

test("rejects malformed, negative, over-precise and zero amounts", () => {
  for (const bad of ["", "abc", "-5", "1e3", "1.2.3", "0x10", "Infinity"]) {
    assert.equal(parseMoney(bad, "usd").ok, false, bad);
  }
  assert.deepEqual(parseMoney("1.234", "usd"), { ok: false, message: "Use at most 2 decimal places" });
  assert.deepEqual(parseMoney("1.5", "jpy"), { ok: false, message: "This currency has no decimal places" });
  assert.equal(parseMoney("0", "usd").ok, false);
  assert.deepEqual(parseMoney("0", "usd", { allowZero: true }), { ok: true, amount: 0 });
  assert.equal(parseMoney("99999999999999999999", "usd").ok, false);
});

test("formats minor units for people", () => {
  assert.equal(formatMoney(123456, "usd"), "$1,234.56");
  assert.equal(formatMoney(1050, "usdc"), "10.50 USDC");
  assert.equal(formatMoney(500, "jpy"), "¥500");
});

test("formats minor units as the plain decimal a form field reads back", () => {
  assert.equal(formatDecimal(123450, "usd"), "1234.50");
  assert.equal(formatDecimal(5, "usd"), "0.05");
  assert.equal(formatDecimal(-1999, "usdc"), "-19.99");
  assert.equal(formatDecimal(1500, "jpy"), "1500");
  for (const minor of [1, 99, 100, 1_000_001]) {
    const back = parseMoney(formatDecimal(minor, "usd"), "usd");
    assert.deepEqual(back, { ok: true, amount: minor });
  }
});
