import { keccak_256 } from "@noble/hashes/sha3.js";
import { base32, base58 } from "@scure/base";
import { isNetworkId, NETWORKS } from "./networks";

/**
 * Wallet address checks, run in the browser as the user types and again on the server before
 * Stripe is called, so a typo is caught before money can go to an address nobody controls.
 */
export type WalletProblem = { field: "network" | "address" | "memo"; message: string };

const HEX40 = /^0x[0-9a-fA-F]{40}$/;

/** The EIP-55 mixed-case form of a 0x address. */
export function toChecksumAddress(address: string): string {
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = "0x";
  for (let i = 0; i < lower.length; i++) {
    const byte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
    out += nibble >= 8 ? lower[i]!.toUpperCase() : lower[i];
  }
  return out;
}

function evmProblem(address: string): string | null {
  if (!HEX40.test(address)) return "Enter an address that starts with 0x followed by 40 hexadecimal characters";
  const body = address.slice(2);
  // All-lowercase or all-uppercase addresses carry no checksum; mixed case must match EIP-55.
  if (body === body.toLowerCase() || body === body.toUpperCase()) return null;
  return toChecksumAddress(address) === address
    ? null
    : "This address's capitalisation doesn't match its checksum. Copy it again from the wallet";
}

function solanaProblem(address: string): string | null {
  try {
    return base58.decode(address).length === 32 ? null : "A Solana address is 32 bytes (usually 43 or 44 characters)";
  } catch {
    return "A Solana address uses base58 characters only (no 0, O, I or l)";
  }
}

/** CRC16-XModem, the checksum at the end of a Stellar StrKey. */
function crc16Xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function stellarProblem(address: string): string | null {
  if (!/^G[A-Z2-7]{55}$/.test(address)) return "A Stellar account address starts with G and has 56 characters";
  let raw: Uint8Array;
  try {
    raw = base32.decode(address);
  } catch {
    return "This isn't a valid Stellar address";
  }
  if (raw.length !== 35 || raw[0] !== 6 << 3) return "This isn't a Stellar account (G…) address";
  const crc = crc16Xmodem(raw.subarray(0, 33));
  return raw[33] === (crc & 0xff) && raw[34] === crc >> 8
    ? null
    : "This Stellar address's checksum is wrong; check it for a typo";
}

export function walletAddressProblem(input: {
  network: string;
  address: string;
  memo?: string | null;
}): WalletProblem | null {
  if (!isNetworkId(input.network)) return { field: "network", message: "Choose a network" };
  const address = input.address.trim();
  if (!address) return { field: "address", message: "Enter the wallet address" };
  const family = NETWORKS[input.network].family;
  const problem =
    family === "evm" ? evmProblem(address) : family === "solana" ? solanaProblem(address) : stellarProblem(address);
  if (problem) return { field: "address", message: problem };
  const memo = input.memo?.trim() ?? "";
  if (family === "stellar") {
    if (!memo) return { field: "memo", message: "Stellar payouts need the memo the receiving exchange gave you" };
    if (new TextEncoder().encode(memo).length > 28)
      return { field: "memo", message: "A Stellar memo is at most 28 bytes" };
  }
  return null;
}
