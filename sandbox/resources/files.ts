import type Stripe from "stripe";
import type { Kernel } from "../kernel";
import type { Ctx } from "../wire/context";
import { invalidRequest, paramError } from "../wire/errors";
import { listV1 } from "../wire/list";
import { MAX_UPLOAD } from "../wire/multipart";
import { newestFirst, ownedRow } from "./common";

/**
 * The Files API (`POST /v1/files` multipart, which the SDK sends to its `files` host: with a custom
 * `host` that is this server too; `GET /v1/files/:id`; `GET /v1/files`). Each purpose takes the
 * types and size Stripe's file upload guide lists (docs.stripe.com/file-upload), the type read
 * from the bytes, never from the name or the part's Content-Type. The bytes are not kept.
 */
export const FILES = "files";
export type Upload = { name: string; type: string; data: Buffer };
type Kind = "pdf" | "jpg" | "png" | "gif" | "svg";
type Rule = { kinds: Kind[]; max: number; ttlDays: number | null; downloadable: boolean };
const MB = 1024 * 1024;
/** Every purpose's limit fits the wire's multipart limit. */
const cap = (bytes: number) => Math.min(bytes, MAX_UPLOAD);
/** The guide's table, for the purposes this product uploads and those it documents alike. Others: 400 [stricter]. */
const RULES: Record<string, Rule> = {
  account_requirement: { kinds: ["pdf", "jpg", "png"], max: cap(16 * MB), ttlDays: null, downloadable: false },
  business_icon: { kinds: ["jpg", "png", "gif"], max: 512 * 1024, ttlDays: null, downloadable: true },
  business_logo: { kinds: ["jpg", "png", "gif"], max: 512 * 1024, ttlDays: null, downloadable: true },
  customer_signature: { kinds: ["jpg", "png", "svg"], max: 4 * MB, ttlDays: 7, downloadable: true },
  // "Evidence to submit with a dispute response. PDF JPEG PNG, 5MB, 9 months" ([guess] 9 months = 270 days).
  dispute_evidence: { kinds: ["pdf", "jpg", "png"], max: 5 * MB, ttlDays: 270, downloadable: true },
  identity_document: { kinds: ["pdf", "jpg", "png"], max: cap(16 * MB), ttlDays: null, downloadable: false },
  additional_verification: { kinds: ["pdf", "jpg", "png"], max: cap(16 * MB), ttlDays: null, downloadable: false },
};

/** The file's type from its first bytes (magic numbers), or null when it is none of the kinds Stripe takes. */
export function sniff(data: Buffer): Kind | null {
  const head = data.subarray(0, 8);
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpg";
  if (/^GIF8[79]a/.test(head.subarray(0, 6).toString("latin1"))) return "gif";
  const text = data.subarray(0, 512).toString("utf8").trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return "svg";
  return null;
}

const NAMES: Record<Kind, string> = { pdf: "PDF", jpg: "JPEG", png: "PNG", gif: "GIF", svg: "SVG" };

function create(ctx: Ctx): Stripe.File {
  const p = ctx.params;
  const purpose = String(p.purpose);
  const rule = RULES[purpose];
  if (!rule)
    throw invalidRequest(
      `The sandbox accepts uploads for ${Object.keys(RULES).join(", ")}; ${purpose} is not one of them.`,
      { param: "purpose" },
    );
  const file = p.file as Upload | undefined;
  if (!file || !Buffer.isBuffer(file.data))
    throw paramError(
      "parameter_missing",
      "file",
      "Missing required param: file. Send it as a file part of a multipart/form-data request.",
    );
  if ((p.file_link_data as { create?: boolean } | undefined)?.create)
    throw invalidRequest("File links are not served by the sandbox.", { param: "file_link_data[create]" });
  // [guess] Stripe's wording for these two refusals; the rules are the guide's.
  if (file.data.length === 0) throw invalidRequest("The file is empty.", { param: "file" });
  if (file.data.length > rule.max)
    throw invalidRequest(
      `The file is ${file.data.length} bytes; files for ${purpose} may be at most ${rule.max} bytes (${rule.max / MB >= 1 ? `${rule.max / MB} MB` : `${rule.max / 1024} KB`}).`,
      { param: "file", code: "file_too_large" },
    );
  const kind = sniff(file.data);
  if (!kind || !rule.kinds.includes(kind))
    throw invalidRequest(
      `Files for ${purpose} must be ${rule.kinds.map((k) => NAMES[k]).join(", ")}; this one is ${kind ? NAMES[kind] : "none of those"} (its content was read, not its name).`,
      { param: "file", code: "file_invalid_type" },
    );
  const id = ctx.id("file");
  const f: Stripe.File = {
    id,
    object: "file",
    created: ctx.now,
    expires_at: rule.ttlDays === null ? null : ctx.now + rule.ttlDays * 86_400,
    filename: file.name || null,
    links: { object: "list", data: [], has_more: false, url: `/v1/file_links?file=${id}` },
    purpose: purpose as Stripe.File.Purpose,
    size: file.data.length,
    title: null,
    type: kind,
    // [deviation] Stripe gives downloadable files a files.stripe.com URL; the sandbox keeps no bytes to serve.
    url: null,
  };
  ctx.tx.put<Stripe.File>(FILES, id, { owner: ctx.account, data: f });
  return f;
}

/** A file of the acting account with `purpose`, else a 400 naming `param` (evidence points at files by id). */
export function requireFile(ctx: Ctx, id: string, purpose: string, param: string): Stripe.File {
  const row = ctx.tx.get<Stripe.File>(FILES, id);
  if (!row || row.owner !== ctx.account)
    throw invalidRequest(`No such file upload: '${id}'`, { param, code: "resource_missing" });
  if (row.data.purpose !== purpose)
    throw invalidRequest(`The file ${id} was uploaded with purpose ${row.data.purpose}; this needs ${purpose}.`, {
      param,
    });
  return row.data;
}

export function registerFileRoutes(kernel: Kernel): void {
  kernel.router.add(
    { method: "POST", path: "/v1/files", handler: create },
    {
      method: "GET",
      path: "/v1/files/:id",
      handler: (ctx) => ownedRow<Stripe.File>(ctx, FILES, ctx.path.id ?? "", "file").data,
    },
    {
      method: "GET",
      path: "/v1/files",
      handler: (ctx) =>
        listV1(
          newestFirst<Stripe.File>(ctx, FILES, (r) => !ctx.params.purpose || r.data.purpose === ctx.params.purpose),
          ctx.params,
          "/v1/files",
          "file",
        ),
    },
  );
  kernel.expanders.set("file", (id, ctx) => {
    const row = ctx.tx.get<Stripe.File>(FILES, id);
    return row && row.owner === ctx.account ? (row.data as unknown as Record<string, unknown>) : null;
  });
}
