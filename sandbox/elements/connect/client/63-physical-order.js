/* eslint-disable @typescript-eslint/no-unused-vars -- the client files are concatenated into one script (serve-script.ts): names defined here are used by the others. */
// Physical cards: the order part of the create-card form (shipping, service, design) and the card view's shipping block.

const SHIPPING_SERVICES = [
  ["standard", "Standard"],
  ["express", "Express"],
  ["priority", "Priority"],
];
const SHIP_COUNTRIES = [
  ["US", "United States"],
  ["GB", "United Kingdom"],
  ["IE", "Ireland"],
  ["FR", "France"],
  ["DE", "Germany"],
  ["MX", "Mexico"],
  ["AR", "Argentina"],
];
const SHIPPING_STATUS_CLASS = { delivered: "ok", shipped: "ok", returned: "bad", failure: "bad", canceled: "bad" };
const CARRIERS = { usps: "USPS", fedex: "FedEx", dhl: "DHL", royal_mail: "Royal Mail" };

/** The address fields a cardholder's billing address prefills, by the form's input names. */
const shipFill = (holder) => {
  const a = (holder && holder.billing && holder.billing.address) || {};
  return {
    ship_name: (holder && holder.name) || "",
    ship_line1: a.line1 || "",
    ship_line2: a.line2 || "",
    ship_city: a.city || "",
    ship_state: a.state || "",
    ship_postal_code: a.postal_code || "",
    ship_country: a.country || "US",
  };
};

/**
 * The physical part of the create-card form, hidden until "Physical" is chosen. The address is a
 * fieldset with its legend; each input names the API params whose errors belong to it
 * (`shipping[address][postal_code]`, …), so our checks and the API's land beside the same input.
 */
function physicalOrderFields(holder, designs) {
  const fill = shipFill(holder);
  const countries = SHIP_COUNTRIES.some(([c]) => c === fill.ship_country)
    ? SHIP_COUNTRIES
    : [...SHIP_COUNTRIES, [fill.ship_country, fill.ship_country]];
  const ship = (name, label, o) =>
    field({ name, label, value: fill[name], params: [`shipping[address][${name.slice(5)}]`], ...o });
  // The account's default design first; a single design is simply preselected.
  const def = designs.find((d) => d.preferences && d.preferences.is_default) || (designs.length === 1 && designs[0]);
  return h(
    "div",
    { "data-testid": "physical-order", hidden: true },
    field({
      name: "ship_name",
      label: "Name on the parcel",
      autocomplete: "shipping name",
      value: fill.ship_name,
      params: ["shipping[name]", "shipping"],
    }),
    h(
      "fieldset",
      {},
      h("legend", { text: "Shipping address" }),
      ship("ship_line1", "Street address", { autocomplete: "shipping address-line1" }),
      ship("ship_line2", "Apartment, suite, etc.", { autocomplete: "shipping address-line2", required: false }),
      ship("ship_city", "City", { autocomplete: "shipping address-level2" }),
      ship("ship_state", "State or region", { autocomplete: "shipping address-level1", required: false }),
      ship("ship_postal_code", "Postal code", { autocomplete: "shipping postal-code" }),
      ship("ship_country", "Country", { type: "select", options: countries, autocomplete: "shipping country" }),
    ),
    field({
      name: "ship_service",
      label: "Shipping service",
      type: "select",
      value: "standard",
      options: SHIPPING_SERVICES,
      params: ["shipping[service]"],
    }),
    field({
      name: "personalization_design",
      label: "Card design",
      type: "select",
      value: def ? def.id : "",
      options: [
        ...(def ? [] : [["", "Choose a design"]]),
        ...designs.map((d) => [d.id, d.name || d.lookup_key || d.id]),
      ],
    }),
  );
}

/** Refills the shipping name and address for another cardholder, leaving what the user typed. */
function refillShipping(form, holder, typed) {
  for (const [name, value] of Object.entries(shipFill(holder))) {
    const input = form.querySelector(`[name="${name}"]`);
    if (input && !typed.has(name)) input.value = value;
  }
}

/** The order as the component API takes it: Stripe's `shipping` hash and the design. */
function physicalOrderBody(v) {
  return {
    type: "physical",
    personalization_design: v.personalization_design,
    shipping: {
      name: v.ship_name,
      service: v.ship_service,
      address: {
        line1: v.ship_line1,
        line2: v.ship_line2,
        city: v.ship_city,
        state: v.ship_state,
        postal_code: v.ship_postal_code,
        country: v.ship_country,
      },
    },
  };
}

/** A physical card's shipment, from the card's `shipping` hash (the test helpers move it along in the sandbox). */
function shippingBlock(c, locale) {
  const s = c.shipping;
  if (c.type !== "physical" || !s) return null;
  const where = [s.name, s.address && s.address.city].filter(Boolean).join(", ");
  return h(
    "section",
    { "data-testid": "card-shipping", "aria-label": "Shipping" },
    h("h3", { text: "Shipping" }),
    h(
      "dl",
      { class: "pairs" },
      h("dt", { text: "Status" }),
      h(
        "dd",
        {},
        h("span", {
          class: `badge ${SHIPPING_STATUS_CLASS[s.status] || "warn"}`,
          "data-testid": "shipping-status",
          text: humanize(s.status),
        }),
      ),
      s.carrier ? [h("dt", { text: "Carrier" }), h("dd", { text: CARRIERS[s.carrier] || humanize(s.carrier) })] : null,
      s.tracking_number
        ? [
            h("dt", { text: "Tracking number" }),
            h(
              "dd",
              { class: "mono" },
              s.tracking_url
                ? h("a", {
                    href: s.tracking_url,
                    target: "_blank",
                    rel: "noopener noreferrer",
                    text: s.tracking_number,
                  })
                : s.tracking_number,
            ),
          ]
        : null,
      s.eta
        ? [
            h("dt", { text: s.status === "delivered" ? "Delivered" : "Expected" }),
            h("dd", { text: date(s.eta, locale) }),
          ]
        : null,
      h("dt", { text: "Service" }),
      h("dd", { text: humanize(s.service) }),
      where ? [h("dt", { text: "Ships to" }), h("dd", { text: where })] : null,
    ),
  );
}

/** A physical card is activated once the cardholder has it: until it is delivered the view says so instead. */
const awaitingDelivery = (c) => c.type === "physical" && !!c.shipping && c.shipping.status !== "delivered";
