import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { receipts, type Receipt } from "@/db/schema";
import type { S3Client } from "@aws-sdk/client-s3";

/**
 * Where receipt bytes live: the `receipts.bytes` column by default, or an S3-compatible bucket when
 * S3_URL is set (`http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…]`, path-style, so it works
 * with MinIO, s3rver or AWS itself). Only this module knows which.
 */
export type S3Target = { client: S3Client; bucket: string };
export type Storage = { kind: "db" } | ({ kind: "s3" } & S3Target);

export type S3Settings = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** S3_URL read into the client's settings; throws on a URL without a bucket or keys. */
export function parseS3Url(url: string): S3Settings {
  const u = new URL(url);
  const bucket = decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, ""));
  if (!bucket || bucket.includes("/")) throw new Error("S3_URL must name one bucket: http://KEY:SECRET@host/bucket");
  if (!u.username || !u.password) throw new Error("S3_URL must carry the access key and secret: http://KEY:SECRET@…");
  return {
    endpoint: `${u.protocol}//${u.host}`,
    bucket,
    region: u.searchParams.get("region") ?? "us-east-1",
    accessKeyId: decodeURIComponent(u.username),
    secretAccessKey: decodeURIComponent(u.password),
  };
}

export async function s3Target(url: string): Promise<S3Target> {
  const { S3Client } = await import("@aws-sdk/client-s3");
  const s = parseS3Url(url);
  const client = new S3Client({
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
  });
  return { client, bucket: s.bucket };
}

const globalForS3 = globalThis as unknown as { receiptS3?: { url: string; target: Promise<S3Target> } };

/** The storage the app is configured for (one S3 client per process). */
export async function receiptStorage(): Promise<Storage> {
  const url = process.env.S3_URL;
  if (!url) return { kind: "db" };
  if (globalForS3.receiptS3?.url !== url) globalForS3.receiptS3 = { url, target: s3Target(url) };
  return { kind: "s3", ...(await globalForS3.receiptS3.target) };
}

export type NewReceipt = {
  businessId: string;
  authorizationId: string;
  contentType: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  uploadedBy: string | null;
};

const keyOf = (r: { businessId: string; authorizationId: string }) => `receipts/${r.businessId}/${r.authorizationId}`;

/**
 * Stores the purchase's receipt, replacing any earlier one: in a bucket, the object under the
 * purchase's one key is overwritten; in the database, the row's bytes are.
 */
export async function putReceipt(db: DbOrTx, storage: Storage, r: NewReceipt): Promise<Receipt> {
  let objectKey: string | null = null;
  if (storage.kind === "s3") {
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    objectKey = keyOf(r);
    await storage.client.send(
      new PutObjectCommand({ Bucket: storage.bucket, Key: objectKey, Body: r.bytes, ContentType: r.contentType }),
    );
  }
  const values = {
    businessId: r.businessId,
    authorizationId: r.authorizationId,
    contentType: r.contentType,
    fileName: r.fileName,
    size: r.bytes.length,
    sha256: r.sha256,
    storage: storage.kind,
    objectKey,
    bytes: storage.kind === "db" ? r.bytes : null,
    source: "upload" as const,
    uploadedBy: r.uploadedBy,
    createdAt: new Date(),
  };
  const [row] = await db
    .insert(receipts)
    .values(values)
    .onConflictDoUpdate({ target: [receipts.businessId, receipts.authorizationId], set: values })
    .returning();
  return row!;
}

/** The purchase's receipt row (without reading any bucket), or null. */
export async function findReceipt(
  db: DbOrTx,
  { businessId, authorizationId }: { businessId: string; authorizationId: string },
): Promise<Receipt | null> {
  const [row] = await db
    .select()
    .from(receipts)
    .where(and(eq(receipts.businessId, businessId), eq(receipts.authorizationId, authorizationId)));
  return row ?? null;
}

/** The receipt's bytes, from wherever its row says they are. */
export async function getReceiptBytes(storage: Storage, receipt: Receipt): Promise<Buffer> {
  // PGlite hands bytea back as a plain Uint8Array, node-postgres as a Buffer.
  if (receipt.storage === "db") return receipt.bytes ? Buffer.from(receipt.bytes) : Buffer.alloc(0);
  if (storage.kind !== "s3" || !receipt.objectKey)
    throw new Error("this receipt is in a bucket, and S3_URL is not set");
  const { GetObjectCommand } = await import("@aws-sdk/client-s3");
  const out = await storage.client.send(new GetObjectCommand({ Bucket: storage.bucket, Key: receipt.objectKey }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

async function deleteObject(storage: S3Target, key: string): Promise<void> {
  const { DeleteObjectCommand } = await import("@aws-sdk/client-s3");
  await storage.client.send(new DeleteObjectCommand({ Bucket: storage.bucket, Key: key }));
}

/** Removes the purchase's receipt: its row and, in a bucket, its object. */
export async function deleteReceipt(
  db: DbOrTx,
  storage: Storage,
  where: { businessId: string; authorizationId: string },
): Promise<boolean> {
  const row = await findReceipt(db, where);
  if (!row) return false;
  if (row.storage === "s3" && row.objectKey && storage.kind === "s3") await deleteObject(storage, row.objectKey);
  await db
    .delete(receipts)
    .where(and(eq(receipts.businessId, where.businessId), eq(receipts.authorizationId, where.authorizationId)));
  return true;
}
