import { keccak256Hex } from "./keccak";

/**
 * Address checks for crypto-wallet payout methods, per network. Each returns null when
 * the address is acceptable or a sentence saying what is wrong (it becomes the API error).
 */
export const NETWORKS = [
  "arbitrum",
  "avalanche_c_chain",
  "base",
  "ethereum",
  "optimism",
  "polygon",
  "solana",
  "stellar",
] as const;
export type Network = (typeof NETWORKS)[number];
const EVM: readonly string[] = ["arbitrum", "avalanche_c_chain", "base", "ethereum", "optimism", "polygon"];

/** EIP-55: the i-th hex letter is upper case iff the i-th nibble of keccak256(lowercase address) is ≥ 8. */
export function toChecksumAddress(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, "");
  const hash = keccak256Hex(lower);
  return `0x${Array.from(lower, (ch, i) => (parseInt(hash[i] ?? "0", 16) >= 8 ? ch.toUpperCase() : ch)).join("")}`;
}

export function evmProblem(address: string): string | null {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return "EVM addresses are 0x followed by 40 hexadecimal characters.";
  const body = address.slice(2);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixed && toChecksumAddress(address) !== address)
    return "The address's mixed-case EIP-55 checksum is wrong; check it for a typo (or send it all lower case).";
  return null;
}

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function base58Decode(s: string): Uint8Array | null {
  let n = 0n;
  for (const ch of s) {
    const v = B58.indexOf(ch);
    if (v < 0) return null;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const ch of s) {
    if (ch !== "1") break;
    bytes.unshift(0); // each leading '1' is a leading zero byte
  }
  return Uint8Array.from(bytes);
}

export function solanaProblem(address: string): string | null {
  const bytes = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(address) ? base58Decode(address) : null;
  if (!bytes) return "Solana addresses are base58 strings of 32 to 44 characters (no 0, O, I or l).";
  if (bytes.length !== 32) return `A Solana address decodes to 32 bytes; this one decodes to ${bytes.length}.`;
  return null;
}

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Decode(s: string): Uint8Array | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s) {
    const v = B32.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** CRC16-XModem (poly 0x1021, init 0), as Stellar's StrKey uses. */
export function crc16xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function stellarProblem(address: string): string | null {
  if (!/^G[A-Z2-7]{55}$/.test(address))
    return "Stellar account addresses are 56 characters starting with G (StrKey, base32).";
  const raw = base32Decode(address);
  if (!raw || raw.length !== 35 || raw[0] !== 6 << 3) return "This is not a Stellar account public key (G…).";
  const crc = crc16xmodem(raw.subarray(0, 33));
  if ((raw[33] ?? 0) !== (crc & 0xff) || (raw[34] ?? 0) !== crc >> 8)
    return "The Stellar address's checksum is wrong; check it for a typo.";
  return null;
}

/** Validates a wallet; the problem names the field (`address`, `network` or `memo`). */
export function walletProblem(w: {
  address?: unknown;
  network?: unknown;
  memo?: unknown;
}): { field: "address" | "network" | "memo"; message: string } | null {
  const network = String(w.network ?? "");
  if (!(NETWORKS as readonly string[]).includes(network))
    return {
      field: "network",
      message: `Unknown network ${JSON.stringify(w.network ?? null)}; use one of ${NETWORKS.join(", ")}.`,
    };
  const address = typeof w.address === "string" ? w.address : "";
  const problem = EVM.includes(network)
    ? evmProblem(address)
    : network === "solana"
      ? solanaProblem(address)
      : stellarProblem(address);
  if (problem) return { field: "address", message: `Invalid ${network} address: ${problem}` };
  if (network === "stellar") {
    if (typeof w.memo !== "string" || !w.memo.trim())
      return {
        field: "memo",
        message:
          "Stellar payouts need a memo (the exchange uses it to find the recipient's account); pass crypto_wallet.memo.",
      };
    if (Buffer.byteLength(w.memo) > 28) return { field: "memo", message: "A Stellar text memo is at most 28 bytes." };
  } else if (w.memo !== undefined && w.memo !== null)
    return { field: "memo", message: `A memo is only used on stellar; remove it for ${network}.` };
  return null;
}
