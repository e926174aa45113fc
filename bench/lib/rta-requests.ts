// Signed `issuing_authorization.request` deliveries as Stripe sends them to the real-time
// authorization endpoint, built with the tests' event builders and signed by the official SDK.
import Stripe from "stripe";
import { authorization, event } from "@/testing/events";

export type SignedRequest = { body: string; signature: string };

// Mostly ordinary purchases, one in twenty at a category the bench's platform rules block, so
// declines happen too (the velocity query runs for every request either way).
const CATEGORIES = [
  "taxicabs_limousines",
  "eating_places_restaurants",
  "grocery_stores_supermarkets",
  "fast_food_restaurants",
];
const BLOCKED = "betting_casino_gambling";

export const benchCards = (n: number) =>
  Array.from({ length: n }, (_, i) => `ic_bench${i.toString().padStart(4, "0")}`);

/** Request `i`: a new event id every time, cards and merchants rotating, signed now with `secret`. */
export function signedRequest(opts: { account: string; cards: string[]; secret: string }, i: number): SignedRequest {
  const auth = authorization({
    card: opts.cards[i % opts.cards.length],
    amount: 100 + ((i * 37) % 5000),
    category: i % 20 === 19 ? BLOCKED : CATEGORIES[i % CATEGORIES.length],
    country: i % 10 === 9 ? "CA" : "US",
  });
  const body = JSON.stringify(event("issuing_authorization.request", auth, { account: opts.account }));
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: opts.secret }) };
}

/**
 * `size` requests built and signed before the clock starts, so JSON and HMAC work doesn't run on
 * the event loop the measured server shares with the load generator. Past the pool, requests are
 * made on demand (still unique, so the receiver never sees a redelivery) and counted in `late`.
 */
export function requestPool(opts: { account: string; cards: string[]; secret: string }, size: number) {
  const pool = Array.from({ length: size }, (_, i) => signedRequest(opts, i));
  const state = {
    late: 0,
    take(i: number): SignedRequest {
      if (i < pool.length) return pool[i]!;
      state.late++;
      return signedRequest(opts, i);
    },
  };
  return state;
}
