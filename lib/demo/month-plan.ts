// What each demo business does in its month, decided up front and the same every time (a fixed
// seed), so a rebuilt demo looks like the last one. lib/demo/month.ts plays it against the APIs.

import type Stripe from "stripe";
import { seededRandom } from "@/lib/seeded-random";

const DAY_S = 86_400;
const HOUR_S = 3_600;

export type DemoPerson = { key: string; name: string; email: string; phone: string; physical: boolean };

/** Acme's people who carry cards (their cardholders are made on the month's first day). */
export const US_PEOPLE: DemoPerson[] = [
  { key: "sam", name: "Sam Rivera", email: "sam@us.test", phone: "+14155550101", physical: false },
  { key: "dana", name: "Dana Kim", email: "dana@us.test", phone: "+14155550102", physical: false },
  { key: "eli", name: "Eli Moss", email: "eli@us.test", phone: "+14155550103", physical: true },
  { key: "fran", name: "Fran Lopez", email: "fran@us.test", phone: "+14155550104", physical: false },
];

const MX_PEOPLE: DemoPerson[] = [
  { key: "lucia", name: "Lucía Hernández", email: "lucia@mx.test", phone: "+525555550101", physical: false },
  { key: "diego", name: "Diego Ramírez", email: "diego@mx.test", phone: "+525555550102", physical: false },
];

const UK_PEOPLE: DemoPerson[] = [
  { key: "harry", name: "Harry Patel", email: "harry@uk.test", phone: "+447700900101", physical: false },
  { key: "isla", name: "Isla Brown", email: "isla@uk.test", phone: "+447700900102", physical: false },
];

/** Stripe's merchant categories, as its SDK types them (the editor offers its list). */
type Category = NonNullable<
  NonNullable<Parameters<Stripe["testHelpers"]["issuing"]["authorizations"]["create"]>[0]["merchant_data"]>["category"]
>;

export type DemoMerchant = {
  name: string;
  category: Category;
  country: string;
  city: string;
  /** Price range in cents. */
  min: number;
  max: number;
  /** How often, relative to the others. */
  weight: number;
};

const M = (name: string, category: Category, country: string, city: string, min: number, max: number, weight: number) =>
  ({ name, category, country, city, min, max, weight }) satisfies DemoMerchant;

const US_MERCHANTS: DemoMerchant[] = [
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
const MX_MERCHANTS: DemoMerchant[] = [
  M("Amazon Web Services", "computer_network_services", "US", "Seattle", 2_000, 30_000, 3),
  M("Notion", "computer_software_stores", "US", "San Francisco", 800, 4_000, 3),
  M("Aeroméxico", "airlines_air_carriers", "MX", "Ciudad de México", 9_000, 40_000, 1),
  M("Oxxo", "fast_food_restaurants", "MX", "Monterrey", 200, 1_500, 5),
  M("Pujol", "eating_places_restaurants", "MX", "Ciudad de México", 4_000, 15_000, 2),
  M("DiDi", "taxicabs_limousines", "MX", "Guadalajara", 300, 2_000, 4),
  M("Office Depot", "stationery_stores_office_and_school_supply_stores", "MX", "Puebla", 1_000, 8_000, 2),
];

const UK_MERCHANTS: DemoMerchant[] = [
  M("Pret A Manger", "fast_food_restaurants", "GB", "London", 500, 1_800, 6),
  M("Dishoom", "eating_places_restaurants", "GB", "London", 3_000, 12_000, 2),
  M("Trainline", "commuter_transport_and_ferries", "GB", "Edinburgh", 2_500, 18_000, 3),
  M("Addison Lee", "taxicabs_limousines", "GB", "London", 1_500, 6_000, 3),
  M("Ryman", "stationery_stores_office_and_school_supply_stores", "GB", "Manchester", 800, 6_000, 2),
  M("Xero", "computer_software_stores", "NZ", "Wellington", 3_000, 6_000, 1),
  M("Eurostar", "railroads", "FR", "Paris", 9_000, 30_000, 1),
];

// Declined by the platform's rule (no money transfers on the platform's cards: lib/demo/month.ts sets it).
const WIRE = M("Western Union", "wires_money_orders", "US", "Denver", 5_000, 20_000, 0);
// Declined by Acme's own rule: above its $2,500.00 maximum per purchase (ACME_MAX_AMOUNT).
const DESKS = M(
  "Herman Miller",
  "furniture_home_furnishings_and_equipment_stores_except_appliances",
  "US",
  "Zeeland",
  260_000,
  420_000,
  0,
);

// Declined for want of money: more than Brightside's Issuing balance holds.
const WATCHES = M(
  "Watches of Switzerland",
  "jewelry_stores_watches_clocks_and_silverware_stores",
  "GB",
  "London",
  1_500_000,
  2_000_000,
  0,
);

export const ACME_MAX_AMOUNT = 250_000;
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
  | { kind: "freeze"; key: string; person: string }
  | { kind: "payout"; key: string; to: "crypto" | "bank"; amount: string; fails: boolean };

export type DemoDay = { at: number; steps: DemoStep[] };

export type DemoProfile = {
  business: string;
  currency: "usd" | "gbp";
  seed: number;
  people: DemoPerson[];
  merchants: DemoMerchant[];
  /** Purchases on a weekday and on a weekend day: [fewest, most]. */
  weekday: [number, number];
  weekend: [number, number];
  /** Purchases a rule or the balance declines, each with its chance per purchase. */
  rare: { merchant: DemoMerchant; chance: number }[];
  /** What happens besides purchases, by day of the month (0 = 30 days ago), before that day's purchases. */
  events: Record<number, DemoStep[]>;
  /** A person whose card is frozen from that day, so they stop buying. */
  frozen?: { person: string; from: number };
  /** Each card's daily limit, in minor units. */
  dailyLimit: number;
};

export const DEMO_MONTHS: DemoProfile[] = [
  {
    business: "Acme Supplies Inc.",
    currency: "usd",
    seed: 2026,
    people: US_PEOPLE,
    merchants: US_MERCHANTS,
    weekday: [8, 14],
    weekend: [2, 4],
    rare: [
      { merchant: WIRE, chance: 0.05 },
      { merchant: DESKS, chance: 0.03 },
    ],
    events: {
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
    },
    frozen: { person: "fran", from: 26 },
    dailyLimit: 400_000,
  },
  {
    business: "Comercial Aurora S.A. de C.V.",
    currency: "usd",
    seed: 52,
    people: MX_PEOPLE,
    merchants: MX_MERCHANTS,
    weekday: [2, 4],
    weekend: [0, 2],
    rare: [{ merchant: WIRE, chance: 0.03 }],
    events: {
      0: [{ kind: "funding", key: "0", amount: "20000.00" }],
      10: [{ kind: "payout", key: "10", to: "crypto", amount: "1500.00", fails: false }],
      20: [{ kind: "payout", key: "20", to: "bank", amount: "2500.00", fails: false }],
      25: [{ kind: "payout", key: "25", to: "crypto", amount: "800.00", fails: true }],
    },
    dailyLimit: 400_000,
  },
  {
    business: "Brightside Supplies Ltd",
    currency: "gbp",
    seed: 44,
    people: UK_PEOPLE,
    merchants: UK_MERCHANTS,
    weekday: [2, 4],
    weekend: [0, 2],
    rare: [{ merchant: WATCHES, chance: 0.03 }],
    events: {
      0: [{ kind: "funding", key: "0", amount: "4000.00" }],
      15: [{ kind: "funding", key: "15", amount: "3000.00" }],
    },
    // High enough that the watch is declined for want of money, not by the card's limit.
    dailyLimit: 2_500_000,
  },
];

function pick(rand: () => number, merchants: DemoMerchant[]): DemoMerchant {
  const total = merchants.reduce((s, m) => s + m.weight, 0);
  let r = rand() * total;
  for (const m of merchants) if ((r -= m.weight) < 0) return m;
  return merchants[merchants.length - 1]!;
}

const between = (rand: () => number, [lo, hi]: [number, number]) => lo + Math.floor(rand() * (hi - lo + 1));

/** The 30 days from `start` (Unix seconds, sandbox time) of one business: its purchases and the money around them. */
export function demoMonthPlan(start: number, profile: DemoProfile): { days: DemoDay[] } {
  const rand = seededRandom(profile.seed);
  const days: DemoDay[] = [];
  for (let d = 0; d < 30; d++) {
    const dayStart = start + d * DAY_S;
    const weekend = new Date(dayStart * 1000).getUTCDay() % 6 === 0;
    const count = between(rand, weekend ? profile.weekend : profile.weekday);
    const people = profile.people.filter((p) => !(profile.frozen?.person === p.key && d >= profile.frozen.from));
    const purchases: DemoPurchase[] = [];
    for (let i = 0; i < count; i++) {
      // Now and then a purchase that is declined; the rest from the usual merchants.
      let roll = rand();
      const rare = profile.rare.find((r) => (roll -= r.chance) < 0);
      const merchant = rare?.merchant ?? pick(rand, profile.merchants);
      const person = people[Math.floor(rand() * people.length)]!.key;
      const amount = Math.round((merchant.min + rand() * (merchant.max - merchant.min)) / 10) * 10;
      const at = dayStart + 9 * HOUR_S + Math.floor(rand() * 10 * HOUR_S);
      purchases.push({ key: `d${d}-${i}`, person, merchant, amount, at, capture: d < 29 });
    }
    purchases.sort((a, b) => a.at - b.at);
    days.push({
      at: dayStart + 8 * HOUR_S,
      steps: [...(profile.events[d] ?? []), ...purchases.map((purchase) => ({ kind: "purchase" as const, purchase }))],
    });
  }
  return { days };
}
