import { NETWORKS, isNetworkId } from "@/lib/wallet/networks";

/** The network's name with a small coloured mark (no external assets). */
export function NetworkBadge({ network }: { network: string | null }) {
  if (!network || !isNetworkId(network)) return null;
  const n = NETWORKS[network];
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs font-medium text-slate-700"
      data-testid="network-badge"
    >
      <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden>
        <circle cx="8" cy="8" r="8" fill={n.color} />
        <circle cx="8" cy="8" r="3.5" fill="none" stroke="#fff" strokeWidth="1.5" />
      </svg>
      {n.name}
    </span>
  );
}
