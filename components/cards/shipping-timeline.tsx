import type Stripe from "stripe";

type Shipping = Stripe.Issuing.Card.Shipping;

const STEPS = [
  { status: "pending", label: "Ordered" },
  { status: "submitted", label: "Printing" },
  { status: "shipped", label: "Shipped" },
  { status: "delivered", label: "Delivered" },
] as const;

const CARRIERS: Record<string, string> = { dhl: "DHL", fedex: "FedEx", royal_mail: "Royal Mail", usps: "USPS" };
const SERVICES: Record<string, string> = { standard: "Standard", express: "Express", priority: "Priority" };

const day = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** Only Stripe's own tracking links (https) are shown as links. */
function safeUrl(url: string | null): string | null {
  return url && /^https:\/\//.test(url) ? url : null;
}

/**
 * Where a physical card is on its way: ordered → printing → shipped → delivered, or returned / failed,
 * with the carrier, tracking number and expected delivery once it has shipped.
 */
export function ShippingTimeline({ shipping }: { shipping: Shipping }) {
  const status = shipping.status ?? "pending";
  const reached = STEPS.findIndex((s) => s.status === status);
  const problem = status === "returned" || status === "failure";
  const tracking = safeUrl(shipping.tracking_url);
  return (
    <div className="mt-3 space-y-4" data-testid="shipping-timeline" data-status={status}>
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label="Delivery progress">
        {STEPS.map((step, i) => {
          const done = !problem && i <= reached;
          const current = !problem && i === reached;
          return (
            <li
              key={step.status}
              aria-current={current ? "step" : undefined}
              data-step={step.status}
              data-done={done ? "true" : "false"}
              className={`rounded-md border px-3 py-2 text-sm ${
                done ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-200 text-slate-500"
              } ${current ? "font-semibold" : ""}`}
            >
              <span aria-hidden="true">{done ? "✓ " : "○ "}</span>
              {step.label}
            </li>
          );
        })}
      </ol>
      {problem ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {status === "returned"
            ? "The card was returned to sender. Check the address, then order a replacement card."
            : "The delivery failed. Check the address, then order a replacement card."}
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Ships to</dt>
          <dd>
            {shipping.name}
            <span className="block text-slate-600">
              {[
                shipping.address.line1,
                shipping.address.line2,
                shipping.address.city,
                shipping.address.state,
                shipping.address.postal_code,
                shipping.address.country,
              ]
                .filter(Boolean)
                .join(", ")}
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Service</dt>
          <dd>{SERVICES[shipping.service] ?? shipping.service}</dd>
        </div>
        {shipping.carrier ? (
          <div>
            <dt className="text-slate-500">Carrier</dt>
            <dd data-testid="shipping-carrier">{CARRIERS[shipping.carrier] ?? shipping.carrier}</dd>
          </div>
        ) : null}
        {shipping.tracking_number ? (
          <div>
            <dt className="text-slate-500">Tracking number</dt>
            <dd data-testid="shipping-tracking" className="break-all">
              {tracking ? (
                <a href={tracking} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
                  {shipping.tracking_number}
                </a>
              ) : (
                shipping.tracking_number
              )}
            </dd>
          </div>
        ) : null}
        {shipping.eta ? (
          <div>
            <dt className="text-slate-500">{status === "delivered" ? "Delivered" : "Expected"}</dt>
            <dd data-testid="shipping-eta">{day.format(new Date(shipping.eta * 1000))}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
