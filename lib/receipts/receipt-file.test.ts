import { test } from "node:test";
import assert from "node:assert/strict";
import { checkReceiptFile, sniffReceiptType } from "./receipt-file";
import { MAX_RECEIPT_BYTES } from "./receipt-limits";

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "IHDR....");
const file = (name: string, b: Uint8Array, size = b.length) => ({ name, size, bytes: b });

test("the type is read from the bytes: PDF, JPEG, PNG, WebP and HEIC", () => {
  assert.equal(sniffReceiptType(bytes("%PDF-1.7\n")), "application/pdf");
  assert.equal(sniffReceiptType(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF")), "image/jpeg");
  assert.equal(sniffReceiptType(PNG), "image/png");
  assert.equal(sniffReceiptType(bytes("RIFF", [0x10, 0, 0, 0], "WEBPVP8 ")), "image/webp");
  assert.equal(sniffReceiptType(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0])), "image/heic");
  assert.equal(sniffReceiptType(bytes([0, 0, 0, 0x18], "ftypmif1")), "image/heic");
});

test("anything else is refused, whatever its name says", () => {
  for (const b of [
    bytes("hello, this is text"),
    bytes("GIF89a"),
    bytes([0, 0, 0, 0x18], "ftypisom"),
    bytes("RIFF....WAVE"),
  ])
    assert.equal(sniffReceiptType(b), null);
  const named = checkReceiptFile(file("receipt.png", bytes("just some text, not a picture")));
  assert.equal(named.ok, false);
  assert.match(!named.ok ? named.message : "", /isn't a PDF, JPEG, PNG, WebP or HEIC/);
  const real = checkReceiptFile(file("scan.txt", PNG));
  assert.ok(real.ok && real.file.contentType === "image/png", "a PNG named .txt is a PNG");
});

test("a 10 MB receipt is refused with the limit in words; up to 8 MB is taken", () => {
  const tenMb = checkReceiptFile(file("big.pdf", bytes("%PDF-"), 10 * 1024 * 1024));
  assert.equal(tenMb.ok, false);
  assert.equal(!tenMb.ok && tenMb.message, "This file is 10.0 MB: receipts can be up to 8 MB");
  assert.equal(checkReceiptFile(file("edge.pdf", bytes("%PDF-"), MAX_RECEIPT_BYTES)).ok, true);
  assert.equal(checkReceiptFile(file("over.pdf", bytes("%PDF-"), MAX_RECEIPT_BYTES + 1)).ok, false);
  assert.equal(checkReceiptFile(null).ok, false, "no file: asked to choose one");
});

test("the stored name keeps only safe characters", () => {
  const r = checkReceiptFile(file('a"b<c>\r\n.pdf', bytes("%PDF-")));
  assert.ok(r.ok);
  assert.equal(r.file.name, "a_b_c_.pdf");
});
