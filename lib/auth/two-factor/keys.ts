import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * Keys derived from AUTH_SECRET, one per purpose, so a value signed for one use (a pending sign-in)
 * can never pass as another (a remembered device), and rotating AUTH_SECRET voids them all.
 */
function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (secret) return secret;
  // Unit tests run without the app's .env; the app itself refuses to start without AUTH_SECRET.
  if (process.env.NODE_ENV === "test") return "test-only-auth-secret";
  throw new Error("AUTH_SECRET is not set");
}

function derivedKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "issuing-console/two-factor", purpose, 32));
}

const b64 = (buf: Buffer) => buf.toString("base64url");

/** AES-256-GCM with the purpose's key: `v1.<iv>.<tag>.<ciphertext>`; any change fails to open. */
export function seal(purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", b64(iv), b64(cipher.getAuthTag()), b64(body)].join(".");
}

/** The sealed text, or null when it was tampered with or sealed for another purpose or key. */
export function unseal(purpose: string, sealed: string): string | null {
  const [version, iv, tag, body, extra] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The TOTP secret as stored in users.totp_secret. */
export const encryptSecret = (plain: string) => seal("totp-secret", plain);
export const decryptSecret = (stored: string) => unseal("totp-secret", stored);

/** `<value>.<hmac>` for a cookie the browser holds but must not be able to forge. */
export function sign(purpose: string, value: string): string {
  return `${value}.${b64(createHmac("sha256", derivedKey(purpose)).update(value).digest())}`;
}

/** The value of a `sign`ed text, or null when the signature is not ours for this purpose. */
export function unsign(purpose: string, signed: string): string | null {
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(sign(purpose, value).slice(dot + 1));
  const given = Buffer.from(signed.slice(dot + 1));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/** For high-entropy random tokens (recovery codes, device secrets) a plain SHA-256 is enough at rest. */
export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export const randomToken = (bytes = 32) => b64(randomBytes(bytes));
