/**
 * The networks Stripe pays USDC out on, with how we show them. Shared by the browser and the
 * server, so it holds no secrets.
 */
export const NETWORK_IDS = [
  "arbitrum",
  "avalanche_c_chain",
  "base",
  "ethereum",
  "optimism",
  "polygon",
  "solana",
  "stellar",
] as const;
export type NetworkId = (typeof NETWORK_IDS)[number];

export type NetworkInfo = {
  id: NetworkId;
  name: string;
  family: "evm" | "solana" | "stellar";
  color: string;
  short: string;
  placeholder: string;
};

export const NETWORKS: Record<NetworkId, NetworkInfo> = {
  arbitrum: { id: "arbitrum", name: "Arbitrum", family: "evm", color: "#2D374B", short: "ARB", placeholder: "0x…" },
  avalanche_c_chain: {
    id: "avalanche_c_chain",
    name: "Avalanche C-Chain",
    family: "evm",
    color: "#E84142",
    short: "AVAX",
    placeholder: "0x…",
  },
  base: { id: "base", name: "Base", family: "evm", color: "#0052FF", short: "BASE", placeholder: "0x…" },
  ethereum: { id: "ethereum", name: "Ethereum", family: "evm", color: "#627EEA", short: "ETH", placeholder: "0x…" },
  optimism: { id: "optimism", name: "Optimism", family: "evm", color: "#FF0420", short: "OP", placeholder: "0x…" },
  polygon: { id: "polygon", name: "Polygon", family: "evm", color: "#8247E5", short: "POL", placeholder: "0x…" },
  solana: {
    id: "solana",
    name: "Solana",
    family: "solana",
    color: "#14F195",
    short: "SOL",
    placeholder: "Base58 address",
  },
  stellar: { id: "stellar", name: "Stellar", family: "stellar", color: "#111827", short: "XLM", placeholder: "G…" },
};

export function isNetworkId(value: unknown): value is NetworkId {
  return typeof value === "string" && (NETWORK_IDS as readonly string[]).includes(value);
}
