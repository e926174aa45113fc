// What the US demo business does in its month, decided up front and the same every time (a fixed
// seed), so a rebuilt demo looks like the last one. lib/demo/month.ts plays it against the APIs.

const DAY_S = 86_400;
const HOUR_S = 3_600;

export type DemoPerson = { key: string; name: string; email: string; phone: string; physical: boolean };

/** Acme's people who carry cards (their cardholders are made on the month's first day). */
export const DEMO_PEOPLE: DemoPerson[] = [
  { key: "sam", name: "Sam Rivera", email: "sam@us.test", phone: "+14155550101", physical: false },
  { key: "dana", name: "Dana Kim", email: "dana@us.test", phone: "+14155550102", physical: false },
  { key: "eli", name: "Eli Moss", email: "eli@us.test", phone: "+14155550103", physical: true },
  { key: "fran", name: "Fran Lopez", email: "fran@us.test", phone: "+14155550104", physical: false },
];

export type DemoMerchant = {
  name: string;
  category: string;
  country: string;
  city: string;
  /** Price range in cents. */
  min: number;
  max: number;
  /** How often, relative to the others. */
  weight: number;
};

const M = (name: string, category: string, country: string, city: string, min: number, max: number, weight: number) =>
  ({ name, category, country, city, min, max, weight }) satisfies DemoMerchant;

export const DEMO_MERCHANTS: DemoMerchant[] = [
  M("Figma", "computer_software_stores", "US", "San Francisco", 1_500, 7_500, 4),
  M("Shopify", "computer_software_stores", "CA", "Ottawa", 2_900, 29_900, 2),
  M("DigitalOcean", "computer_network_services", "US", "New York", 1_200, 24_000, 4),
  M("Delta Air Lines", "airlines_air_carriers", "US", "Atlanta", 18_000, 65_000, 2),
  M("British Airways", "airlines_air_carriers", "GB", "London", 22_000, 80_000, 1),
  M("Marriott", "hotels_motels_and_resorts", "US", "Chicago", 15_000, 48_000, 2),
  M("Hotel Adlon", "hotels_motels_and_resorts", "DE", "Berlin", 21_000, 52_000, 1),
  M("Blue Bottle Coffee", "eating_places_restaurants", "US", "Oakland", 600, 2_500, 8),
  M("Chez Janou", "eating_places_restaurants", "FR", "Paris", 2_500, 9_000, 1),
  M("Sweetgreen", "fast_food_restaurants", "US", "San Francisco", 1_200, 3_800, 6),
  M("Uber", "taxicabs_limousines", "US", "San Francisco", 1_200, 5_500, 6),
  M("Staples", "stationery_stores_office_and_school_supply_stores", "US", "Boston", 2_000, 15_000, 3),
  M("Google Ads", "advertising_services", "US", "Mountain View", 20_000, 120_000, 2),
  M("FedEx", "courier_services", "US", "Memphis", 1_500, 9_000, 3),
  M("Tokyu Hands", "department_stores", "JP", "Tokyo", 3_000, 12_000, 2),
];
// Declined by the platform's rule (no money transfers on the platform's cards).
const WIRE = M("Western Union", "wires_money_orders", "US", "Denver", 5_000, 20_000, 0);
// Declined by Acme's own rule: above its $2,500.00 maximum per purchase.
const DESKS = M(
  "Herman Miller",
  "furniture_home_furnishings_and_equipment_stores_except_appliances",
  "US",
  "Zeeland",
  260_000,
  420_000,
  0,
);

export type DemoPurchase = {
  key: string;
  person: string;
  merchant: DemoMerchant;
  amount: number;
  /** Sandbox time, Unix seconds. */
  at: number;
  /** Captured (settled); the last day's stay pending. */
  capture: boolean;
};

export type DemoStep =
  | { kind: "purchase"; purchase: DemoPurchase }
  | { kind: "funding"; key: string; amount: string }
  | { kind: "deposit"; key: string; amount: number; description: string }
  | { kind: "refund"; key: string; person: string }
  | { kind: "dispute"; key: string; person: string; submit: boolean }
  | { kind: "replace"; key: string; person: string }
  | { kind: "freeze"; key: string; person: string };

export type DemoDay = { at: number; steps: DemoStep[] };

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// What happens besides purchases, by day of the month (0 = 30 days ago), before that day's purchases.
const EVENTS: Record<number, DemoStep[]> = {
  1: [{ kind: "funding", key: "1", amount: "5000.00" }],
  5: [{ kind: "replace", key: "5", person: "sam" }],
  7: [
    { kind: "deposit", key: "7", amount: 420_000, description: "Northwind Traders invoice 1042" },
    { kind: "refund", key: "7", person: "dana" },
  ],
  11: [{ kind: "dispute", key: "11", person: "dana", submit: true }],
  14: [
    { kind: "deposit", key: "14", amount: 385_000, description: "Contoso Ltd invoice 1047" },
    { kind: "refund", key: "14", person: "eli" },
  ],
  18: [{ kind: "funding", key: "18", amount: "3000.00" }],
  21: [
    { kind: "deposit", key: "21", amount: 512_500, description: "Northwind Traders invoice 1051" },
    { kind: "refund", key: "21", person: "sam" },
  ],
  24: [{ kind: "dispute", key: "24", person: "eli", submit: false }],
  26: [{ kind: "freeze", key: "26", person: "fran" }],
  28: [{ kind: "deposit", key: "28", amount: 298_000, description: "Fabrikam invoice 1056" }],
};

function pick(rand: () => number, merchants: DemoMerchant[]): DemoMerchant {
  const total = merchants.reduce((s, m) => s + m.weight, 0);
  let r = rand() * total;
  for (const m of merchants) if ((r -= m.weight) < 0) return m;
  return merchants[merchants.length - 1]!;
}

/** The 30 days from `start` (Unix seconds, sandbox time): a few hundred purchases and the money around them. */
export function demoPurchases(start: number, seed = 2026): { days: DemoDay[] } {
  const rand = random(seed);
  const days: DemoDay[] = [];
  for (let d = 0; d < 30; d++) {
    const dayStart = start + d * DAY_S;
    const weekend = new Date(dayStart * 1000).getUTCDay() % 6 === 0;
    const count = weekend ? 2 + Math.floor(rand() * 3) : 8 + Math.floor(rand() * 7);
    const purchases: DemoPurchase[] = [];
    for (let i = 0; i < count; i++) {
      // Now and then a purchase a rule declines; the rest from the usual merchants.
      const roll = rand();
      const merchant = roll < 0.05 ? WIRE : roll < 0.08 ? DESKS : pick(rand, DEMO_MERCHANTS);
      // Frozen from day 26: Fran stops buying (her card would decline, and she knows it).
      const people = d >= 26 ? DEMO_PEOPLE.filter((p) => p.key !== "fran") : DEMO_PEOPLE;
      const person = people[Math.floor(rand() * people.length)]!.key;
      const amount = Math.round((merchant.min + rand() * (merchant.max - merchant.min)) / 10) * 10;
      const at = dayStart + 9 * HOUR_S + Math.floor(rand() * 10 * HOUR_S);
      purchases.push({ key: `d${d}-${i}`, person, merchant, amount, at, capture: d < 29 });
    }
    purchases.sort((a, b) => a.at - b.at);
    days.push({
      at: dayStart + 8 * HOUR_S,
      steps: [...(EVENTS[d] ?? []), ...purchases.map((purchase) => ({ kind: "purchase" as const, purchase }))],
    });
  }
  return { days };
}
