/** The shapes in `stripe-sdk.json`: a small type language for what the SDK's `.d.ts` files declare. */
export type Node =
  | { t: "any" }
  | { t: "str" }
  | { t: "num" }
  | { t: "int64" }
  | { t: "decimal" }
  | { t: "bool" }
  | { t: "null" }
  /** `''` inside Stripe's `Emptyable<T>`: an empty value unsets the parameter. */
  | { t: "empty" }
  | { t: "lit"; v: string | number | boolean }
  /**
   * An enum. `open` marks the SDK's `… | OtherString`: other values may exist at later versions; the
   * sandbox still takes and gives only these (stricter, as Stripe's own server validates enums).
   */
  | { t: "enum"; values: string[]; open?: true }
  | { t: "arr"; item: Node }
  /** `extra` is a string index signature (metadata and other maps). */
  | { t: "obj"; props: Record<string, Prop>; extra?: Node }
  | { t: "union"; of: Node[] }
  | { t: "ref"; name: string };
export type Prop = { n: Node; opt?: true };

export type Endpoint = {
  /** The SDK method, e.g. `Issuing/Cards.create`. */
  sdk: string;
  list?: true;
  params: Node;
  returns: Node;
};

export type Contract = {
  /** The SDK packages the contract was read from, and their pinned API versions. */
  sdk: { v1: { sdk: string; api: string }; v2: { sdk: string; api: string } };
  /** What webhook deliveries carry: v1 snapshot events, v2 thin event notifications. */
  deliveries: { snapshot: Node; thin: Node };
  /** Keyed `POST /v1/issuing/cards/{}`. */
  endpoints: Record<string, Endpoint>;
  types: Record<string, Node>;
};
