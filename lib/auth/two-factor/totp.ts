import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import type { DbOrTx } from "@/db/connect";
import { claimTotpStep } from "@/db/queries/two-factor";
import { decryptSecret } from "./keys";

const PERIOD = 30;
const ISSUER = "Issuing Console";

/** A new base32 secret (160 bits, what authenticator apps expect). */
export const newTotpSecret = () => generateSecret();

/** The otpauth:// link an authenticator app reads from the QR code. */
export const totpUri = (email: string, secret: string) => generateURI({ issuer: ISSUER, label: email, secret });

/** The key as people type it into an app: groups of four. */
export const formatKey = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code);

/**
 * Checks a 6-digit code against a secret, one step either side of now, and accepts each time-step
 * at most once per user: a code seen once (or an older one) is refused.
 */
export async function checkTotpSecret(
  db: DbOrTx,
  { userId, secret, code, now = new Date() }: { userId: string; secret: string; code: string; now?: Date },
): Promise<boolean> {
  if (!looksLikeTotp(code)) return false;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD });
  // otplib's result type also covers HOTP, which has no time-step.
  if (!result.valid || !("timeStep" in result)) return false;
  return claimTotpStep(db, { userId, step: result.timeStep });
}

/** The same, against the user's stored (encrypted) secret. */
export async function checkTotp(
  db: DbOrTx,
  { userId, encryptedSecret, code, now }: { userId: string; encryptedSecret: string; code: string; now?: Date },
): Promise<boolean> {
  const secret = decryptSecret(encryptedSecret);
  return secret ? checkTotpSecret(db, { userId, secret, code, now }) : false;
}
