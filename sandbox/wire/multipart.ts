import { invalidRequest } from "./errors";
import { parseForm, type ParamTree } from "./form";

/**
 * `multipart/form-data` bodies (RFC 7578), as the SDK sends `POST /v1/files`: text parts are
 * form parameters (bracketed names as in a form body), a part with a `filename` is a file
 * `{ name, type, data }` under its (top-level) name.
 */
/** The largest file any purpose takes (`resources/files.ts`); a bigger body is refused before it is read. */
export const MAX_UPLOAD = 16 * 1024 * 1024;

export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data\s*;/i.test(contentType ?? "");
}

export function parseMultipart(body: Buffer, contentType: string): ParamTree {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw invalidRequest("The multipart/form-data request has no boundary.");
  const delimiter = Buffer.from(`--${boundary}`);
  const text = new URLSearchParams();
  const files: Record<string, { name: string; type: string; data: Buffer }> = {};
  let at = body.indexOf(delimiter);
  if (at < 0) throw invalidRequest("The multipart/form-data body does not contain its boundary.");
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString("latin1") === "--") break;
    const headEnd = body.indexOf("\r\n\r\n", at);
    const next = body.indexOf(delimiter, headEnd);
    if (headEnd < 0 || next < 0) throw invalidRequest("The multipart/form-data body is truncated.");
    const head = body.subarray(at, headEnd).toString("utf8");
    const data = body.subarray(headEnd + 4, next - 2); // the part ends with CRLF before the delimiter
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (!name) throw invalidRequest("A multipart/form-data part has no name.");
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim() ?? "application/octet-stream";
      files[name] = { name: filename, type, data: Buffer.from(data) };
    } else text.append(name, data.toString("utf8"));
    at = next;
  }
  return { ...parseForm(text.toString()), ...files } as ParamTree;
}
