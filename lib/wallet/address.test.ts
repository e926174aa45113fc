import { test } from "node:test";
import assert from "node:assert/strict";
import { toChecksumAddress, walletAddressProblem } from "./address";

// EIP-55's own test vectors.
const EIP55 = [
  "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
  "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
  "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
  "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
];
const STELLAR = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7";
const SOLANA = "9WzDXwBbmkg8ZTbbMqUxvQRAyrZzDsGYdLVL9zYtAWWM";

const check = (network: string, address: string, memo?: string) => walletAddressProblem({ network, address, memo });

test("EVM networks accept EIP-55 checksummed, all-lowercase and all-uppercase addresses", () => {
  for (const network of ["arbitrum", "avalanche_c_chain", "base", "ethereum", "optimism", "polygon"]) {
    for (const a of EIP55) {
      assert.equal(toChecksumAddress(a.toLowerCase()), a);
      assert.equal(check(network, a), null, `${network} ${a}`);
    }
    assert.equal(check(network, EIP55[0]!.toLowerCase()), null);
    assert.equal(check(network, "0x" + EIP55[0]!.slice(2).toUpperCase()), null);
  }
});

test("EVM addresses with a wrong checksum, length or characters are refused on the address field", () => {
  const flipped = EIP55[0]!.replace("aA", "Aa");
  assert.deepEqual(check("polygon", flipped)?.field, "address");
  assert.match(check("polygon", flipped)!.message, /checksum/);
  assert.match(check("polygon", EIP55[0]!.slice(0, 41))!.message, /40 hexadecimal/);
  assert.match(check("base", "0x" + "g".repeat(40))!.message, /40 hexadecimal/);
  assert.match(check("ethereum", SOLANA)!.message, /0x/);
});

test("Solana takes base58 that decodes to 32 bytes", () => {
  assert.equal(check("solana", SOLANA), null);
  assert.match(check("solana", SOLANA.slice(0, 30))!.message, /32 bytes/);
  assert.match(check("solana", SOLANA.replace("W", "0"))!.message, /base58/);
  assert.equal(check("solana", EIP55[0]!)?.field, "address");
});

test("Stellar takes a G… StrKey with a valid CRC and requires a memo", () => {
  assert.equal(check("stellar", STELLAR, "12345"), null);
  assert.deepEqual(check("stellar", STELLAR), {
    field: "memo",
    message: "Stellar payouts need the memo the receiving exchange gave you",
  });
  assert.equal(check("stellar", STELLAR, "x".repeat(29))?.field, "memo");
  // One character changed keeps the format but breaks the CRC16 checksum.
  const typo = STELLAR.slice(0, 10) + (STELLAR[10] === "A" ? "B" : "A") + STELLAR.slice(11);
  assert.match(check("stellar", typo, "1")!.message, /checksum/);
  assert.match(check("stellar", "S" + STELLAR.slice(1), "1")!.message, /starts with G/);
});

test("an unknown network or an empty address names the right field", () => {
  assert.equal(check("dogecoin", EIP55[0]!)?.field, "network");
  assert.equal(check("polygon", "  ")?.field, "address");
});
