import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A fresh unguessable token (256 bits, URL-safe) for an invitation link. */
export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored, so the database alone can't be used to accept an invitation. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitePath(token: string): string {
  return `/invite/${encodeURIComponent(token)}`;
}
