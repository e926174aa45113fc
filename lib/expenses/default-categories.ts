/**
 * The expense categories every business starts with, each with the Stripe merchant categories
 * (sandbox/resources/issuing/merchant-categories.tsv, lib/rules/merchant-categories.ts) that suggest it.
 * "Other" suggests nothing: a purchase no category claims has no suggestion.
 */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ name: string; merchantCategories: readonly string[] }> = [
  {
    name: "Meals",
    merchantCategories: [
      "eating_places_restaurants",
      "fast_food_restaurants",
      "caterers",
      "bakeries",
      "drinking_places",
    ],
  },
  {
    name: "Travel",
    merchantCategories: [
      "airlines_air_carriers",
      "hotels_motels_and_resorts",
      "car_rental_agencies",
      "taxicabs_limousines",
      "railroads",
      "bus_lines",
      "commuter_transport_and_ferries",
      "travel_agencies_tour_operators",
      "parking_lots_garages",
    ],
  },
  {
    name: "Software",
    merchantCategories: [
      "computer_software_stores",
      "computers_peripherals_and_software",
      "computer_programming",
      "computer_network_services",
      "digital_goods_applications",
      "digital_goods_large_volume",
    ],
  },
  {
    name: "Office supplies",
    merchantCategories: [
      "stationery_stores_office_and_school_supply_stores",
      "stationary_office_supplies_printing_and_writing_paper",
      "office_and_commercial_furniture",
    ],
  },
  {
    name: "Fuel",
    merchantCategories: ["service_stations", "automated_fuel_dispensers", "fuel_dealers_non_automotive"],
  },
  { name: "Advertising", merchantCategories: ["advertising_services"] },
  {
    name: "Shipping",
    merchantCategories: ["courier_services", "motor_freight_carriers_and_trucking", "postal_services_government_only"],
  },
  { name: "Other", merchantCategories: [] },
];

/**
 * The category a purchase's merchant category suggests: the first active one (by position) that
 * lists it, or null.
 */
export function suggestCategory<C extends { merchantCategories: readonly string[]; archived: boolean }>(
  categories: readonly C[],
  merchantCategory: string | null | undefined,
): C | null {
  if (!merchantCategory) return null;
  return categories.find((c) => !c.archived && c.merchantCategories.includes(merchantCategory)) ?? null;
}
