import { test } from "node:test";
import assert from "node:assert/strict";
import { keccak256Hex } from "./keccak";
import {
  base32Decode,
  base58Decode,
  crc16xmodem,
  evmProblem,
  solanaProblem,
  stellarProblem,
  toChecksumAddress,
  walletProblem,
} from "./wallets";

test("keccak-256 matches the published vectors (Ethereum's padding, not SHA3's)", () => {
  assert.equal(keccak256Hex(""), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  assert.equal(keccak256Hex("abc"), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  assert.equal(
    keccak256Hex("The quick brown fox jumps over the lazy dog"),
    "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15",
  );
  // Two blocks (rate is 136 bytes).
  assert.equal(keccak256Hex("a".repeat(200)).length, 64);
  assert.notEqual(keccak256Hex("a".repeat(136)), keccak256Hex("a".repeat(135)));
});

test("EIP-55 checksums: the spec's examples pass, a flipped case fails, single-case passes", () => {
  for (const a of [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
  ]) {
    assert.equal(toChecksumAddress(a.toLowerCase()), a);
    assert.equal(evmProblem(a), null);
  }
  assert.match(evmProblem("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD") ?? "", /checksum/);
  assert.equal(evmProblem("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), null);
  assert.equal(evmProblem("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"), null);
  assert.match(evmProblem("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA") ?? "", /40 hexadecimal/);
  assert.match(evmProblem("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") ?? "", /0x/);
});

test("Solana: base58 that decodes to exactly 32 bytes", () => {
  assert.deepEqual(base58Decode("11111111111111111111111111111111"), new Uint8Array(32));
  assert.equal(solanaProblem("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"), null);
  assert.match(solanaProblem("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEG") ?? "", /32 bytes; this one decodes to 25/);
  assert.match(solanaProblem("0PjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v") ?? "", /base58/);
});

test("Stellar: StrKey version byte and CRC16-XModem checksum", () => {
  assert.equal(crc16xmodem(new TextEncoder().encode("123456789")), 0x31c3, "the standard CRC16-XModem check value");
  const valid = "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H";
  assert.equal(base32Decode(valid)?.length, 35);
  assert.equal(stellarProblem(valid), null);
  assert.match(stellarProblem(`${valid.slice(0, 55)}A`) ?? "", /checksum/);
  assert.match(stellarProblem("SBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H") ?? "", /starting with G/);
});

test("walletProblem names the field: unknown network, bad address per network, Stellar memo", () => {
  assert.equal(walletProblem({ network: "dogecoin", address: "x" })?.field, "network");
  for (const network of [
    "arbitrum",
    "avalanche_c_chain",
    "base",
    "ethereum",
    "optimism",
    "polygon",
    "solana",
    "stellar",
  ]) {
    assert.equal(
      walletProblem({ network, address: "0xnope", memo: network === "stellar" ? "123" : undefined })?.field,
      "address",
      network,
    );
  }
  assert.equal(
    walletProblem({ network: "stellar", address: "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H" })?.field,
    "memo",
  );
  assert.equal(
    walletProblem({
      network: "stellar",
      address: "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H",
      memo: "12345",
    }),
    null,
  );
  assert.equal(walletProblem({ network: "polygon", address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" }), null);
});
