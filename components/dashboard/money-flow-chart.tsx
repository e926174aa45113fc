import { formatMoney } from "@/lib/money";
import type { DayFlow } from "@/lib/dashboard/home";

/** 30 days of money in (green) and out (slate) as paired bars; the numbers are in a table for screen readers. */
export function MoneyFlowChart({ flow, currency }: { flow: DayFlow[]; currency: string }) {
  const max = Math.max(1, ...flow.map((d) => Math.max(d.moneyIn, d.moneyOut)));
  const totalIn = flow.reduce((s, d) => s + d.moneyIn, 0);
  const totalOut = flow.reduce((s, d) => s + d.moneyOut, 0);
  const days = flow.filter((d) => d.moneyIn || d.moneyOut);
  const width = 600;
  const height = 140;
  const slot = width / flow.length;
  const bar = Math.max(2, slot / 2 - 2);
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-5">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">Last 30 days</span>
        <span className="text-sm text-slate-600">
          <span className="text-emerald-700" data-testid="money-in-30d">
            In {formatMoney(totalIn, currency)}
          </span>{" "}
          · <span data-testid="money-out-30d">Out {formatMoney(totalOut, currency)}</span>
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="mt-4 h-36 w-full"
        role="img"
        aria-label={`Money in ${formatMoney(totalIn, currency)}, money out ${formatMoney(totalOut, currency)} over the last 30 days`}
      >
        {flow.map((d, i) => {
          const hIn = (d.moneyIn / max) * (height - 10);
          const hOut = (d.moneyOut / max) * (height - 10);
          return (
            <g key={d.day}>
              <title>{`${d.day}: in ${formatMoney(d.moneyIn, currency)}, out ${formatMoney(d.moneyOut, currency)}`}</title>
              <rect x={i * slot + 1} y={height - hIn} width={bar} height={hIn} rx={1} className="fill-emerald-500" />
              <rect
                x={i * slot + 1 + bar + 1}
                y={height - hOut}
                width={bar}
                height={hOut}
                rx={1}
                className="fill-slate-400"
              />
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="stroke-slate-200" />
      </svg>
      {totalIn === 0 && totalOut === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No money moved in the last 30 days yet.</p>
      ) : null}
      {/* Only the days money moved; with none, the sentence above says so (no empty table to announce). */}
      {days.length > 0 ? (
        <table className="sr-only">
          <caption>Money in and out per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">In</th>
              <th scope="col">Out</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{formatMoney(d.moneyIn, currency)}</td>
                <td>{formatMoney(d.moneyOut, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}
