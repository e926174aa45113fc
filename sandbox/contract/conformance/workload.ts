import type Stripe from "stripe";
import { PREVIEW } from "../../resources/money-management/fixtures";
import type { Call } from "./harness";
import { connectWorkload, eventsWorkload } from "./workload-connect";
import { issuingWorkload } from "./workload-issuing";
import { moneyWorkload } from "./workload-money";
import { treasuryWorkload } from "./workload-treasury";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw v2 answers, checked against the contract rather than typed here
export type Obj = Record<string, any>;

/** What the workload drives: the recording SDK, the sandbox's controls and the receiver's URL. */
export type W = {
  stripe: Stripe;
  port: number;
  calls: Call[];
  hookUrl: string;
  /** A v2 request with the preview version, as `context` (Stripe-Context) when given. */
  v2(method: "GET" | "POST", path: string, body?: Record<string, unknown>, context?: string): Promise<Obj>;
  /** A `/_sandbox/…` control (JSON body); throws unless it answers 2xx. */
  control(path: string, body?: Record<string, unknown>): Promise<Obj>;
};

export function workloadFor(stripe: Stripe, port: number, calls: Call[], hookUrl: string): W {
  const base = `http://127.0.0.1:${port}`;
  return {
    stripe,
    port,
    calls,
    hookUrl,
    v2: async (method, path, body = {}, context) =>
      (await stripe.rawRequest(method, path, method === "POST" ? body : {}, {
        apiVersion: PREVIEW,
        ...(context ? { stripeContext: context } : {}),
      })) as Obj,
    control: async (path, body) => {
      const res = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Obj;
    },
  };
}

/** Every endpoint the sandbox serves, through the flows of Stripe's guides; returns the accounts it used. */
export async function runWorkload(w: W): Promise<string[]> {
  const { treasury } = await connectWorkload(w);
  const { fa } = await treasuryWorkload(w, treasury);
  await issuingWorkload(w, treasury, fa);
  const { account } = await moneyWorkload(w);
  return [treasury, account];
}

export { eventsWorkload };
