// Bad input, generated systematically: each action's valid sample input with one field replaced
// by a malformed value of that field's kind, plus structural damage (wrong argument types, no
// arguments) and raw bodies no browser would send.
import type { ActionArg } from "./rsc";
import type { Fields } from "./matrix";

export type FieldKind =
  | "money"
  | "id"
  | "token"
  | "enum"
  | "email"
  | "text"
  | "digits"
  | "count"
  | "countries"
  | "categories"
  | "flag"
  | "code"
  /** An id that may be left empty (empty clears it, e.g. a purchase's category). */
  | "optional id";

const KINDS: Record<string, FieldKind> = {
  amount: "money",
  maxAmount: "money",
  card: "id",
  issuingCard: "id",
  authorization: "id",
  transfer: "id",
  operation: "id",
  bank: "id",
  membershipId: "id",
  inviteId: "id",
  destinationId: "id",
  payoutId: "id",
  businessId: "id",
  eventId: "id",
  addressId: "id",
  cardholder: "id",
  token: "token",
  clientToken: "token",
  role: "enum",
  country: "enum",
  businessType: "enum",
  accountType: "enum",
  currency: "enum",
  network: "enum",
  action: "enum",
  category: "enum",
  reason: "enum",
  email: "email",
  routingNumber: "digits",
  accountNumber: "digits",
  velocityPerHour: "count",
  allowedCountries: "countries",
  blockedCategories: "categories",
  killSwitch: "flag",
  code: "code",
};

export function kindOf(field: string): FieldKind {
  return KINDS[field] ?? "text";
}

const HUGE = "x".repeat(100_000);

/**
 * Values that are wrong for every field of the kind: the action must refuse them with a
 * validation (or not-found) error. Minor-unit amounts: negative, fractional cents, exponent,
 * hex, NaN, Infinity, beyond 2^53, other numerals.
 */
export const INVALID: Record<FieldKind, ReadonlyArray<readonly [string, string | string[]]>> = {
  money: [
    ["negative", "-1"],
    ["negative cents", "-0.01"],
    ["fractional minor units", "12.345"],
    ["exponent overflow", "1e309"],
    ["exponent", "1e3"],
    ["hex", "0x10"],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
    ["beyond 2^53", "99999999999999999999"],
    ["two points", "12.3.4"],
    ["arabic digits", "١٢"],
    ["letters", "ten dollars"],
    ["huge", HUGE],
  ],
  id: [
    ["empty", ""],
    ["not an id", "not an id"],
    ["uuid-ish with a bad digit", "00000000-0000-0000-0000-00000000000g"],
    ["sql", "' OR '1'='1"],
    ["path", "../../etc/passwd"],
    ["NUL", "ic_\u0000x"],
    ["huge", HUGE],
  ],
  "optional id": [
    ["not an id", "not an id"],
    ["uuid-ish with a bad digit", "00000000-0000-0000-0000-00000000000g"],
    ["sql", "' OR '1'='1"],
    ["huge", HUGE],
  ],
  token: [
    ["empty", ""],
    ["short", "short"],
    ["huge", HUGE],
  ],
  enum: [
    ["empty", ""],
    ["unknown", "OWNER"],
    ["emoji", "💳"],
    ["NUL", "US\u0000"],
    ["huge", HUGE],
  ],
  email: [
    ["empty", ""],
    ["no at", "not-an-email"],
    ["no domain", "a@"],
    ["no local part", "@example.test"],
    ["space", "a b@example.test"],
    ["NUL", "a\u0000b@example.test"],
    ["huge", `${HUGE}@example.test`],
  ],
  text: [["huge", HUGE]],
  digits: [
    ["empty", ""],
    ["letters", "abcdefghi"],
    ["negative", "-110000000"],
    ["huge", HUGE],
  ],
  count: [
    ["negative", "-1"],
    ["zero", "0"],
    ["fraction", "1.5"],
    ["exponent", "1e3"],
    ["hex", "0x10"],
    ["too large", "99999999999"],
    ["huge", HUGE],
  ],
  countries: [
    ["three letters", "USA"],
    ["digits", "12"],
    ["huge", HUGE],
  ],
  categories: [
    ["unknown", ["not_a_category"]],
    ["huge", [HUGE]],
  ],
  flag: [
    ["unknown", "yes"],
    ["huge", HUGE],
  ],
  code: [
    ["empty", ""],
    ["short", "SM"],
    ["wrong prefix", "XX11AA"],
    ["huge", HUGE],
  ],
};

/** Changes that may still be valid for some fields (the app may accept them); never a 500. */
export const ODD: ReadonlyArray<readonly [string, (valid: string | string[]) => string | string[] | undefined]> = [
  ["missing", () => undefined],
  ["empty", () => ""],
  ["whitespace", () => "   "],
  ["padded", (v) => (Array.isArray(v) ? v : ` ${v} `)],
  ["repeated", (v) => (Array.isArray(v) ? [...v, ...v] : [v, v])],
  ["RTL override", (v) => `\u202E${String(v)}`],
  ["emoji", (v) => `${String(v)}💳🇲🇽`],
  ["NUL byte", (v) => `${String(v)}\u0000`],
  ["lone surrogate", (v) => `${String(v)}\uD800`],
  ["zero-width", (v) => `\u200B${String(v)}`],
  ["markup", () => "<script>alert(1)</script>"],
  ["sql", () => "'; DROP TABLE users; --"],
  ["react reference", () => "$K1"],
];

/**
 * The arguments as an attacker could shape them (the browser never would), for an action called
 * `(prevState, formData)` like every server action here: [name, args, mayBeValid].
 */
export function structural(fields: Fields): ReadonlyArray<readonly [string, ActionArg[], boolean]> {
  const wrongTypes = Object.fromEntries(Object.keys(fields).map((k) => [k, { nested: [1, true, null] }]));
  const numbers = Object.fromEntries(Object.keys(fields).map((k) => [k, -1.5]));
  const extra = {
    form: {
      ...fields,
      businessId: "00000000-0000-4000-8000-000000000000",
      role: "owner",
      ["__proto__"]: "x",
      constructor: "x",
    },
  };
  type Shape = [string, ActionArg[], boolean];
  const shapes: Shape[] = [
    ["no arguments", [], false],
    ["null arguments", [null, null], false],
    ["strings", ["state", "form"], false],
    ["number for the form", [{}, 42], false],
    ["array for the form", [{}, ["a", "b"]], false],
    ["the form without the state", [{ form: fields }], false],
  ];
  if (Object.keys(fields).length > 0)
    shapes.push(
      ["object with wrong types for the form", [{}, wrongTypes], false],
      ["numbers for strings", [{}, numbers], false],
    );
  else shapes.push(["unknown field", [{}, { businessId: "00000000-0000-4000-8000-000000000000" }], false]);
  shapes.push(["object instead of a form", [{}, fields], true], ["form with extra fields", [{}, extra], true]);
  return shapes;
}

/** Raw request bodies no client would send: [name, content-type, body]. */
export const RAW: ReadonlyArray<readonly [string, string, string]> = [
  ["text: not JSON", "text/plain;charset=UTF-8", "not json"],
  ["text: empty", "text/plain;charset=UTF-8", ""],
  ["text: object, not an argument list", "text/plain;charset=UTF-8", '{"a":1}'],
  ["text: a string", "text/plain;charset=UTF-8", '"str"'],
  ["text: dangling reference", "text/plain;charset=UTF-8", '["$@5","$Q9"]'],
  ["text: deep nesting", "text/plain;charset=UTF-8", "[".repeat(5000) + "]".repeat(5000)],
  ["json content type", "application/json", '{"email":1}'],
  ["multipart without parts", "multipart/form-data; boundary=zz", "garbage"],
  ["urlencoded", "application/x-www-form-urlencoded", "email=a%40b.test&password=x"],
  ["xml", "application/xml", "<a/>"],
];

/** No stack traces or server paths in an answer. */
export function stackTraceIn(body: string): string | null {
  const m =
    /\bat [\w.<>$]+ \(?[^)\n]*:\d+:\d+\)?|\/work\/|node_modules\/|\.next\/server|\bTypeError\b|\bReferenceError\b|\bSyntaxError\b|\bError: /.exec(
      body,
    );
  return m ? m[0] : null;
}
