import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { errorParts, startTestSandbox, type TestSandbox } from "../test-helpers";

let t: TestSandbox;
let acct: string;
let other: string;
before(async () => {
  t = await startTestSandbox();
  acct = (await t.stripe.accounts.create({ type: "custom", country: "US", email: "a@example.com" })).id;
  other = (await t.stripe.accounts.create({ type: "custom", country: "US", email: "b@example.com" })).id;
});
after(() => t.close());

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 1)]);
const GIF = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
const upload = (data: Buffer, name: string, purpose = "dispute_evidence", account = acct) =>
  t.stripe.files.create(
    { purpose: purpose as Stripe.FileCreateParams.Purpose, file: { data, name, type: "application/octet-stream" } },
    { stripeAccount: account },
  );

test("POST /v1/files through the SDK's upload host: a dispute_evidence PDF, its type read from the bytes", async () => {
  const f = await upload(PDF, "receipt.pdf");
  assert.match(f.id, /^file_/);
  assert.deepEqual(
    [f.object, f.purpose, f.type, f.size, f.filename, f.title, f.url],
    ["file", "dispute_evidence", "pdf", PDF.length, "receipt.pdf", null, null],
  );
  assert.equal(f.expires_at, f.created + 270 * 86_400, "dispute evidence lasts nine months");
  assert.deepEqual(f.links?.data, []);
  // A PNG under a .pdf name is a PNG.
  assert.equal((await upload(PNG, "looks-like.pdf")).type, "png");
  assert.deepEqual(await t.stripe.files.retrieve(f.id, {}, { stripeAccount: acct }), f);
});

test("wrong types, too large, empty and unknown purposes are refused, and nothing is stored", async () => {
  const before = (await t.stripe.files.list({ limit: 100 }, { stripeAccount: acct })).data.length;
  const refused = async (p: Promise<unknown>, code: string | undefined, message: RegExp) =>
    assert.rejects(p, (e: Stripe.errors.StripeError) => {
      const [status, type, c, param, m] = errorParts(e);
      return (
        status === 400 &&
        type === "StripeInvalidRequestError" &&
        c === code &&
        param === "file" &&
        message.test(String(m))
      );
    });
  await refused(upload(Buffer.from("just text, not a PDF"), "notes.pdf"), "file_invalid_type", /PDF, JPEG, PNG/);
  await refused(upload(GIF, "anim.gif"), "file_invalid_type", /this one is GIF/);
  const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 - PDF.length + 1, 0x20)]);
  await refused(upload(big, "big.pdf"), "file_too_large", /at most 5242880 bytes/);
  await refused(upload(Buffer.alloc(0), "empty.pdf"), undefined, /empty/);
  // A business icon may be a GIF but only up to 512 KB.
  assert.equal((await upload(GIF, "icon.gif", "business_icon")).type, "gif");
  await assert.rejects(
    upload(PDF, "x.pdf", "terminal_android_apk"),
    (e: Stripe.errors.StripeError) => e.param === "purpose",
  );
  await assert.rejects(
    t.stripe.rawRequest(
      "POST",
      "/v1/files",
      { purpose: "dispute_evidence", file: "not-a-part" },
      { stripeAccount: acct },
    ),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "file",
  );
  const after = (await t.stripe.files.list({ limit: 100 }, { stripeAccount: acct })).data;
  assert.equal(after.length, before + 1, "only the icon was stored");
});

test("files belong to their account; the list filters by purpose; an idempotent retry makes one file", async () => {
  const mine = await upload(PDF, "mine.pdf");
  await assert.rejects(
    t.stripe.files.retrieve(mine.id, {}, { stripeAccount: other }),
    (e: Stripe.errors.StripeError) => e.statusCode === 404 && e.code === "resource_missing",
  );
  const evidence = await t.stripe.files.list({ purpose: "dispute_evidence", limit: 100 }, { stripeAccount: acct });
  assert.ok(evidence.data.every((f) => f.purpose === "dispute_evidence"));
  assert.equal(evidence.data[0]?.id, mine.id, "newest first");
  assert.deepEqual((await t.stripe.files.list({}, { stripeAccount: other })).data, []);
  const key = { stripeAccount: acct, idempotencyKey: "upload-once" };
  const file = { data: PNG, name: "r.png", type: "image/png" };
  const a = await t.stripe.files.create({ purpose: "dispute_evidence", file }, key);
  const b = await t.stripe.files.create({ purpose: "dispute_evidence", file }, key);
  assert.equal(a.id, b.id);
});
