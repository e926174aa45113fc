import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { describeEachDatabase } from "@/db/testing";
import { makeBusiness } from "@/testing/admin-fixtures";
import { deleteReceipt, findReceipt, getReceiptBytes, parseS3Url, putReceipt, s3Target, type Storage } from "./storage";

const receipt = (businessId: string, text: string) => ({
  businessId,
  authorizationId: "iauth_storage_test",
  contentType: "application/pdf",
  fileName: "r.pdf",
  bytes: Buffer.from(`%PDF-1.4 ${text}`),
  sha256: "x",
  uploadedBy: null,
});

let server: S3rver;
let dir: string;
let s3: Storage & { kind: "s3" };
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "receipts-s3-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: "receipts" }],
  });
  const { port } = await server.run();
  s3 = { kind: "s3", ...(await s3Target(`http://S3RVER:S3RVER@127.0.0.1:${port}/receipts`)) };
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test("S3_URL carries the endpoint, keys, bucket and region", () => {
  assert.deepEqual(parseS3Url("https://AK%2FX:s3cr%40t@s3.example.test:9000/my-bucket?region=eu-west-1"), {
    endpoint: "https://s3.example.test:9000",
    bucket: "my-bucket",
    region: "eu-west-1",
    accessKeyId: "AK/X",
    secretAccessKey: "s3cr@t",
  });
  assert.throws(() => parseS3Url("http://k:s@host/"), /one bucket/);
  assert.throws(() => parseS3Url("http://host/bucket"), /access key/);
});

describeEachDatabase("receipt storage", (database) => {
  test("in the database by default: the bytes are in the row, a replacement overwrites them", async () => {
    const { db } = database();
    const business = await makeBusiness(db);
    const storage: Storage = { kind: "db" };
    await putReceipt(db, storage, receipt(business.id, "first"));
    await putReceipt(db, storage, receipt(business.id, "second"));
    const row = await findReceipt(db, { businessId: business.id, authorizationId: "iauth_storage_test" });
    assert.equal(row?.storage, "db");
    assert.equal((await getReceiptBytes(storage, row!)).toString(), "%PDF-1.4 second");
    assert.equal(
      await deleteReceipt(db, storage, { businessId: business.id, authorizationId: "iauth_storage_test" }),
      true,
    );
    assert.equal(await findReceipt(db, { businessId: business.id, authorizationId: "iauth_storage_test" }), null);
  });

  test("in the bucket when S3_URL is set: not in the column, read back equal, a replacement overwrites the object", async () => {
    const { db } = database();
    const business = await makeBusiness(db);
    const first = await putReceipt(db, s3, receipt(business.id, "first"));
    assert.equal(first.storage, "s3");
    assert.equal(first.bytes, null, "no bytes in the database");
    const object = await s3.client.send(new GetObjectCommand({ Bucket: "receipts", Key: first.objectKey! }));
    assert.equal(Buffer.from(await object.Body!.transformToByteArray()).toString(), "%PDF-1.4 first");
    assert.equal((await getReceiptBytes(s3, first)).toString(), "%PDF-1.4 first");

    const second = await putReceipt(db, s3, receipt(business.id, "second"));
    const list = async () =>
      (await s3.client.send(new ListObjectsV2Command({ Bucket: "receipts", Prefix: `receipts/${business.id}/` })))
        .Contents ?? [];
    assert.equal((await list()).length, 1, "the replacement leaves one object");
    assert.equal((await getReceiptBytes(s3, second)).toString(), "%PDF-1.4 second");

    await deleteReceipt(db, s3, { businessId: business.id, authorizationId: "iauth_storage_test" });
    assert.equal((await list()).length, 0, "deleting the receipt deletes its object");
  });
});
