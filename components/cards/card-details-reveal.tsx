"use client";

import { loadStripe } from "@stripe/stripe-js/pure";
import { useEffect, useRef, useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import type { FormAction } from "@/lib/actions/form-action";

export type CardDetailsKey = { issuingCard: string; nonce: string; ephemeralKeySecret: string };

/** Where Stripe.js comes from: Stripe's own loader, or (sandbox mode) the sandbox's stand-in with the same API. */
export type StripeJsSource = { publishableKey: string; sandboxScript: string | null };

const FIELDS = [
  { type: "issuingCardNumberDisplay", label: "Card number" },
  { type: "issuingCardExpiryDisplay", label: "Expiry" },
  { type: "issuingCardCvcDisplay", label: "CVC" },
  { type: "issuingCardPinDisplay", label: "PIN" },
] as const;

type Mounted = { destroy(): void };

let sandboxScript: Promise<void> | null = null;
/** The sandbox's Stripe.js defines `window.Stripe`, which Stripe's loader then uses instead of fetching its own. */
function loadSandboxScript(src: string): Promise<void> {
  sandboxScript ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => {
      sandboxScript = null;
      reject(new Error("Stripe.js could not be loaded"));
    };
    document.head.appendChild(script);
  });
  return sandboxScript;
}

/**
 * A card's number, expiry, CVC and PIN, shown by Stripe.js's Issuing Elements in Stripe's frames:
 * the browser asks Stripe for a nonce, our server exchanges it for an ephemeral key for this one
 * card (after a fresh password when the last proof is old, and audited), and the frames read the
 * values from Stripe with it. The values never pass through our server, our logs or this page's DOM.
 */
export function CardDetailsReveal({
  cardId,
  source,
  createKey,
}: {
  cardId: string;
  source: StripeJsSource;
  createKey: FormAction<CardDetailsKey>;
}) {
  const guarded = useStepUp(createKey);
  const [state, setState] = useState<"hidden" | "loading" | "shown">("hidden");
  const [error, setError] = useState<string | null>(null);
  const slots = useRef<Record<string, HTMLElement | null>>({});
  const copySlot = useRef<HTMLDivElement | null>(null);
  const mounted = useRef<Mounted[]>([]);

  const hide = () => {
    for (const element of mounted.current) element.destroy();
    mounted.current = [];
    setState("hidden");
  };
  useEffect(() => () => mounted.current.forEach((e) => e.destroy()), []);

  const show = async () => {
    setError(null);
    setState("loading");
    try {
      if (source.sandboxScript) await loadSandboxScript(source.sandboxScript);
      const stripe = await loadStripe(source.publishableKey);
      if (!stripe) throw new Error("Stripe.js could not be loaded");
      const nonceResult = await stripe.createEphemeralKeyNonce({ issuingCard: cardId });
      if (!nonceResult.nonce) throw new Error(nonceResult.error?.message ?? "Stripe.js could not start");
      const form = new FormData();
      form.set("issuingCard", cardId);
      form.set("nonce", nonceResult.nonce);
      const result = await guarded(null, form);
      if (!result.ok) {
        setError(result.error.message);
        setState("hidden");
        return;
      }
      const elements = stripe.elements();
      const options = { ...result.data, style: { base: { fontSize: "16px", fontFamily: "ui-monospace, monospace" } } };
      setState("shown");
      const mount = (element: Mounted & { mount(to: HTMLElement): void }, slot: HTMLElement | null | undefined) => {
        if (slot) element.mount(slot);
        mounted.current.push(element);
      };
      // One call per type: Stripe.js's overloads are per element type.
      mount(elements.create("issuingCardNumberDisplay", options), slots.current.issuingCardNumberDisplay);
      mount(elements.create("issuingCardExpiryDisplay", options), slots.current.issuingCardExpiryDisplay);
      mount(elements.create("issuingCardCvcDisplay", options), slots.current.issuingCardCvcDisplay);
      mount(elements.create("issuingCardPinDisplay", options), slots.current.issuingCardPinDisplay);
      mount(
        elements.create("issuingCardCopyButton", { toCopy: "number", style: { base: { fontSize: "14px" } } }),
        copySlot.current,
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : "The card details could not be shown");
      setState("hidden");
    }
  };

  return (
    <div className="mt-2 space-y-3" data-testid="card-details">
      {state === "shown" ? (
        <button type="button" onClick={hide} className="text-sm font-medium text-slate-700 underline">
          Hide details
        </button>
      ) : (
        <button
          type="button"
          onClick={() => void show()}
          disabled={state === "loading"}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        >
          {state === "loading" ? "Opening…" : "Show number and PIN"}
        </button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <dl className={state === "shown" ? "grid grid-cols-2 gap-3 sm:grid-cols-4" : "hidden"} aria-live="polite">
        {FIELDS.map((field) => (
          <div key={field.type} className="min-w-0">
            <dt className="text-xs text-slate-500">{field.label}</dt>
            <dd className="h-8" ref={(el) => void (slots.current[field.type] = el)} data-testid={field.type} />
          </div>
        ))}
      </dl>
      <div ref={copySlot} className={state === "shown" ? "h-8 w-32" : "hidden"} />
    </div>
  );
}
