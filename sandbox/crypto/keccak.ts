/**
 * Keccak-256 as Ethereum uses it (original Keccak padding 0x01, not SHA3-256's 0x06), for
 * EIP-55 address checksums. Node's crypto has only SHA3, and no dependency may be added.
 * Lanes are 64-bit BigInts: slow but tiny, and addresses are 20 bytes.
 */
const MASK = (1n << 64n) - 1n;
const rotl = (v: bigint, n: number) => (n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK);

/** Round constants from the spec's LFSR (x^8 + x^6 + x^5 + x^4 + 1), rather than a typed-in table. */
const ROUND_CONSTANTS: bigint[] = (() => {
  const bit = (t: number) => {
    let r = 1;
    for (let i = 0; i < t % 255; i++) {
      r <<= 1;
      if (r & 0x100) r ^= 0x171;
    }
    return r & 1;
  };
  return Array.from({ length: 24 }, (_, round) => {
    let rc = 0n;
    for (let j = 0; j < 7; j++) if (bit(j + 7 * round)) rc |= 1n << BigInt((1 << j) - 1);
    return rc;
  });
})();

/** Rotation offsets r[x + 5y], walked as in the spec: (x, y) ← (y, 2x + 3y). */
const ROTATIONS: number[] = (() => {
  const r = new Array<number>(25).fill(0);
  let x = 1;
  let y = 0;
  for (let t = 0; t < 24; t++) {
    r[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  return r;
})();

function keccakF(a: bigint[]): void {
  const at = (i: number) => a[i] ?? 0n;
  for (let round = 0; round < 24; round++) {
    const c = [0, 1, 2, 3, 4].map((x) => at(x) ^ at(x + 5) ^ at(x + 10) ^ at(x + 15) ^ at(x + 20));
    for (let x = 0; x < 5; x++) {
      const d = (c[(x + 4) % 5] ?? 0n) ^ rotl(c[(x + 1) % 5] ?? 0n, 1);
      for (let y = 0; y < 25; y += 5) a[x + y] = at(x + y) ^ d;
    }
    const b = new Array<bigint>(25).fill(0n);
    for (let x = 0; x < 5; x++)
      for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(at(x + 5 * y), ROTATIONS[x + 5 * y] ?? 0);
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++)
        a[x + y] = (b[x + y] ?? 0n) ^ (~(b[((x + 1) % 5) + y] ?? 0n) & MASK & (b[((x + 2) % 5) + y] ?? 0n));
    }
    a[0] = at(0) ^ (ROUND_CONSTANTS[round] ?? 0n);
  }
}

export function keccak256(input: Uint8Array | string): Uint8Array {
  const data = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const rate = 136;
  const padded = new Uint8Array(Math.ceil((data.length + 1) / rate) * rate);
  padded.set(data);
  padded[data.length] = (padded[data.length] ?? 0) ^ 0x01;
  padded[padded.length - 1] = (padded[padded.length - 1] ?? 0) ^ 0x80;
  const state = new Array<bigint>(25).fill(0n);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      let lane = 0n;
      for (let k = 7; k >= 0; k--) lane = (lane << 8n) | BigInt(padded[off + i * 8 + k] ?? 0);
      state[i] = (state[i] ?? 0n) ^ lane;
    }
    keccakF(state);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 4; i++)
    for (let k = 0; k < 8; k++) out[i * 8 + k] = Number(((state[i] ?? 0n) >> BigInt(8 * k)) & 0xffn);
  return out;
}

export const keccak256Hex = (input: Uint8Array | string) => Buffer.from(keccak256(input)).toString("hex");
